{{ deepCopy 1.5 }}
