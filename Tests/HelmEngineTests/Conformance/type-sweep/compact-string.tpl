{{ compact "s" }}
