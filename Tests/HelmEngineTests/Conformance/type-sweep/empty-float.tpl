{{ empty 1.5 }}
