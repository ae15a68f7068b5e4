{{ uniq (dict "a" 1) }}
