{{ first 1.5 }}
