{{ urlquery (rest list) }}
