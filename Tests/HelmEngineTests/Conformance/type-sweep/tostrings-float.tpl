{{ toStrings 1.5 }}
