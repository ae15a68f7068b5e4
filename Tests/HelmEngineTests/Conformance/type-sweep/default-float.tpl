{{ default "d" 1.5 }}
