{{ sortAlpha 1.5 }}
