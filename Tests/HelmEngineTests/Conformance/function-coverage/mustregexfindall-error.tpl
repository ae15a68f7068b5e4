{{ mustRegexFindAll "(" "abc" -1 }}
