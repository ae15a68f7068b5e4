{{ quote true }}
