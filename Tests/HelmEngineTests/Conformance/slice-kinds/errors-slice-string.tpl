{{ slice "abc" 1 2 }}
