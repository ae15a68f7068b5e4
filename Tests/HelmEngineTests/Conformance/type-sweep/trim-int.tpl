{{ trim 3 }}
