{{ keys "s" }}
