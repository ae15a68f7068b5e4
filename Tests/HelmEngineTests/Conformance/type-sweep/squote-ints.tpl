{{ squote (until 2) }}
