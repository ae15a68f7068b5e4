{{ not true }}
