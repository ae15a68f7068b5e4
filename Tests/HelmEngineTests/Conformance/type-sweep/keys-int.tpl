{{ keys 3 }}
