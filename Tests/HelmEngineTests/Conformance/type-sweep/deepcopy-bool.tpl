{{ deepCopy true }}
