{{ toStrings (until 2) }}
