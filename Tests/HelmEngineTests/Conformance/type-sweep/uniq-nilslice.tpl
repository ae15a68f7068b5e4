{{ uniq (rest list) }}
