{{ toString "s" }}
