{{ toStrings nil }}
