{{ trim true }}
