{{ not 3 }}
