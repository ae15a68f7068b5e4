{{ compact 1.5 }}
