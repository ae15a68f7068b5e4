{{ toString (dict "a" 1) }}
