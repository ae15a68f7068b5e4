{{ first true }}
