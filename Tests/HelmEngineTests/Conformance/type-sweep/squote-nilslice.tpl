{{ squote (rest list) }}
