{{ trim nil }}
