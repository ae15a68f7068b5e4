{{ sha256sum 3 }}
