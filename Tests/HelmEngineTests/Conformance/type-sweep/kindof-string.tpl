{{ kindOf "s" }}
