{{ sortAlpha nil }}
