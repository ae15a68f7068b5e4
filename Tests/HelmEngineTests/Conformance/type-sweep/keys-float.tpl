{{ keys 1.5 }}
