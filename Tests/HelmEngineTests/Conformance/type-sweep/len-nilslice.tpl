{{ len (rest list) }}
