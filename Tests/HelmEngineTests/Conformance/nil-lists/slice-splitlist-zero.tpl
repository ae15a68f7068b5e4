{{ $x := mustSlice (splitList "," "") 0 0 }}json={{ toJson $x }} print={{ $x }} type={{ typeOf $x }} quote={{ quote $x }} yaml={{ toYaml $x }}
