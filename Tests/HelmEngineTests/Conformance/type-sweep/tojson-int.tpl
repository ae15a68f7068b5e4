{{ toJson 3 }}
