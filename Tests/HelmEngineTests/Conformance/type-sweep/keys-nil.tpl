{{ keys nil }}
