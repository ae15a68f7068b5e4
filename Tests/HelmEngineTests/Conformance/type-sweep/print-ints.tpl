{{ print (until 2) }}
