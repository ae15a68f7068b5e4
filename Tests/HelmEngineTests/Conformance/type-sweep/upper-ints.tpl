{{ upper (until 2) }}
