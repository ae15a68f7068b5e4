{{ upper (rest list) }}
