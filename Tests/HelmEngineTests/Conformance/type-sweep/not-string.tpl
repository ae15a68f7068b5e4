{{ not "s" }}
