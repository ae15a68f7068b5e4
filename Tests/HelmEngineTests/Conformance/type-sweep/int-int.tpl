{{ int 3 }}
