{{ squote (dict "a" 1) }}
