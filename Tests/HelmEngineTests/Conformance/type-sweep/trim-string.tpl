{{ trim "s" }}
