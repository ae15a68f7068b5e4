{{ keys true }}
