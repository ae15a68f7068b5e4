{{ default "d" 3 }}
