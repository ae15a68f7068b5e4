{{ deepCopy "s" }}
