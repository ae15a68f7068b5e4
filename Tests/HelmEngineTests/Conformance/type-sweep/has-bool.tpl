{{ has 1 true }}
