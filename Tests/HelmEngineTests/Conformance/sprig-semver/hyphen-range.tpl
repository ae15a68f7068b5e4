{{ semverCompare "1.2 - 1.4.5" "1.4.5" }} {{ semverCompare "1.2 - 1.4.5" "1.4.6" }} {{ semverCompare "1 - 2 || 4 - 5" "4.5.0" }} {{ semverCompare "1.2-1.4" "1.3.0" }}
