{{ typeOf "s" }}
