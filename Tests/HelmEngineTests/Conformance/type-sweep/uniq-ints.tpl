{{ uniq (until 2) }}
