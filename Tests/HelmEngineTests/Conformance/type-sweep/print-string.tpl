{{ print "s" }}
