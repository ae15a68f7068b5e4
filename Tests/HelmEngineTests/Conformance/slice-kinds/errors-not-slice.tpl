{{ first "abc" }}
