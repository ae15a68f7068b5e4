{{ sortAlpha "s" }}
