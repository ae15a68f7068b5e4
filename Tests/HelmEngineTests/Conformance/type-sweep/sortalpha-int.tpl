{{ sortAlpha 3 }}
