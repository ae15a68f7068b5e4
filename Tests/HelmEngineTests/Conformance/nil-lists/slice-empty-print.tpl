{{ $x := slice list }}json={{ toJson $x }} print={{ $x }} type={{ typeOf $x }} kind={{ kindOf $x }} quote={{ quote $x }} empty={{ empty $x }} yaml={{ toYaml $x }}
