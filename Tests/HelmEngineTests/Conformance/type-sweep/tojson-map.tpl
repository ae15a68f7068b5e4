{{ toJson (dict "a" 1) }}
