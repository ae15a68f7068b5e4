{{ last (until 2) }}
