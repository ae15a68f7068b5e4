{{ toString nil }}
