{{ int nil }}
