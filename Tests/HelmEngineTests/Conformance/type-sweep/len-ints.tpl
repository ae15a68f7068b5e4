{{ len (until 2) }}
