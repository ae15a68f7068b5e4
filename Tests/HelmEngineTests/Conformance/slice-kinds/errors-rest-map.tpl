{{ rest (dict) }}
