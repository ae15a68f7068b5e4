{{ semverCompare "1.2.3-01" "1.2.3" }}
