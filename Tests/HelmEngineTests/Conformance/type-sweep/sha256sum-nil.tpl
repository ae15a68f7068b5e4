{{ sha256sum nil }}
