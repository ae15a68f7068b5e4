{{ deepCopy 3 }}
