{{ default "d" true }}
