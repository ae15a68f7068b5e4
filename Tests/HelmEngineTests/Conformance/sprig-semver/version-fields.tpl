{{ $v := semver "v1.2-rc.1+b.5" }}{{ $v.Major }} {{ $v.Minor }} {{ $v.Patch }} {{ $v.Prerelease }} {{ $v.Metadata }} {{ $v.Original }} {{ $v }} {{ $v.IncMinor }} {{ ($v.Compare (semver "1.2.0")) }}
