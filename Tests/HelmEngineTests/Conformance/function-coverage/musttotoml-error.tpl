{{ mustToToml "x" }}
