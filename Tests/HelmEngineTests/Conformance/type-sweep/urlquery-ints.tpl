{{ urlquery (until 2) }}
