{{ semverCompare "~1.2.3" "1.2.9" }} {{ semverCompare "~1.2.3" "1.3.0" }} {{ semverCompare "~1" "1.9.0" }} {{ semverCompare "~>1.2" "1.2.5" }} {{ semverCompare "~*" "4.0.0" }}
