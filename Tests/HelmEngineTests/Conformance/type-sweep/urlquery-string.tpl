{{ urlquery "s" }}
