{{ last (dict "a" 1) }}
