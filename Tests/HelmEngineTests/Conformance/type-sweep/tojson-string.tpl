{{ toJson "s" }}
