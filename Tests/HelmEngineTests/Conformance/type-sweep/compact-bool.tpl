{{ compact true }}
