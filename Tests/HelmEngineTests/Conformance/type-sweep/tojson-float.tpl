{{ toJson 1.5 }}
