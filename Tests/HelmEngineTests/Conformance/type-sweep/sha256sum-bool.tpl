{{ sha256sum true }}
