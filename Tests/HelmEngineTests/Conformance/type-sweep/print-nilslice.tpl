{{ print (rest list) }}
