{{ toStrings true }}
