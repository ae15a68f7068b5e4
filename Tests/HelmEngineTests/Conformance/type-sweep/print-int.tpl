{{ print 3 }}
