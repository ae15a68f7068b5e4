{{ urlquery (dict "a" 1) }}
