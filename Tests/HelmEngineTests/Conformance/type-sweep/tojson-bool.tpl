{{ toJson true }}
