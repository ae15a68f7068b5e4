{{ has "b" .Chart.Keywords }} {{ typeOf .Chart.Keywords }} {{ first .Chart.Maintainers | typeOf }} {{ rest .Chart.Keywords | toJson }} {{ typeOf .Chart.Sources }}
