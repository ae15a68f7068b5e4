{{ empty 3 }}
