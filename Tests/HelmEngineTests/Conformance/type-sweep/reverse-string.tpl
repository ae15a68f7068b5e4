{{ reverse "s" }}
