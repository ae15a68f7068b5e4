{{ toJson (until 2) }}
