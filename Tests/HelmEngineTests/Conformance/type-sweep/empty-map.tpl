{{ empty (dict "a" 1) }}
