{{ squote "s" }}
