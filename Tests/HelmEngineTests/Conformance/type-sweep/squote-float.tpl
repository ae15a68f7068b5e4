{{ squote 1.5 }}
