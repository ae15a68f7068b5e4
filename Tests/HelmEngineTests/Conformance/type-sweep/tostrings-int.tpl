{{ toStrings 3 }}
