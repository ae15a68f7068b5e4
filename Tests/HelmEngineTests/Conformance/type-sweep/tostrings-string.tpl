{{ toStrings "s" }}
