{{ trim (dict "a" 1) }}
