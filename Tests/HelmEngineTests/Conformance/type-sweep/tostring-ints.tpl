{{ toString (until 2) }}
