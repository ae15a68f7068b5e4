{{ sha256sum 1.5 }}
