{{ toStrings (splitList "," "b,a") }}
