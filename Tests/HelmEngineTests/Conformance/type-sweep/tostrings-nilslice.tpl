{{ toStrings (rest list) }}
