{{ first "s" }}
