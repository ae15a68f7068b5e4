{{ first 3 }}
