{{ mustInitial "abc" }}
