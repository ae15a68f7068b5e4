{{ deepCopy nil }}
