{{ squote 3 }}
