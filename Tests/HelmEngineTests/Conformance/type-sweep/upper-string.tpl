{{ upper "s" }}
