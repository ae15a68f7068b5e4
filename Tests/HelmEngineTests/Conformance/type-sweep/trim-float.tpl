{{ trim 1.5 }}
