{{ trim (until 2) }}
