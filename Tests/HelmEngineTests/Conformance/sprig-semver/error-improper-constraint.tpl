{{ semverCompare "foo bar" "1.0.0" }}
