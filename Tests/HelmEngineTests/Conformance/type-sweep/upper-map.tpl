{{ upper (dict "a" 1) }}
