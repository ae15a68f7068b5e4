{{ mustRegexFindAll "[a-c]" "abcabc" 2 }} {{ mustRegexFindAll "[a-c]" "abcabc" -1 | len }} {{ mustRegexFindAll "z" "abc" -1 | toJson }} {{ mustRegexFindAll "[a-c]" "abc" -1 | typeOf }}
