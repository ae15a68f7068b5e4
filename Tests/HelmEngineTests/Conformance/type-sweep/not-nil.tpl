{{ not nil }}
