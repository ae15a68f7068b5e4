{{ sha256sum "s" }}
