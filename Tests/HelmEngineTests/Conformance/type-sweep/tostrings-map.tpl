{{ toStrings (dict "a" 1) }}
