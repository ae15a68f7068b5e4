{{ mustSlice 3 0 1 }}
