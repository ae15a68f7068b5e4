{{ sortAlpha true }}
