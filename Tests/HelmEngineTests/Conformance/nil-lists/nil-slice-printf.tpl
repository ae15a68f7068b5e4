{{ printf "%v|%#v|%T|%d|%s|%q" (rest list) (rest list) (rest list) (rest list) (regexSplit "a" "b" 0) (regexSplit "a" "b" 0) }}
