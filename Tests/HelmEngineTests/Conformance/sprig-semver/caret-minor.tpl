{{ semverCompare "^1.2" "1.3.0" }} {{ semverCompare "^1.2" "2.0.0" }} {{ semverCompare "^0.2.3" "0.2.9" }} {{ semverCompare "^0.2.3" "0.3.0" }} {{ semverCompare "^0.0.3" "0.0.4" }}
