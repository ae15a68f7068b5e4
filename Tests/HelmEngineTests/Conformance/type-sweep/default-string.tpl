{{ default "d" "s" }}
