{{ len (dict "a" 1) }}
