// Go's time formatting and duration syntax for the rest of the package (the CLI prints release times and reads
// `--timeout` with them), so there is one implementation of each.

extension GoTime {
    /// This instant zoned as Go's `time.Parse` zones a time read from RFC 3339 text with this UTC offset: the
    /// local zone when the offset is the local zone's at that instant, UTC for offset zero, else an unnamed fixed
    /// zone (which prints its offset where a layout asks for the zone name). Helm prints release times in it.
    package var inParsedZone: GoTime {
        let offset = utcOffset
        let local = GoZone.local
        let zone: GoZone =
            if local.lookup(unix).offset == offset { local } else if offset == 0 { .utc } else {
                .fixed(name: "", offset: offset)
            }
        return inZone(zone)
    }

    /// The time in a Go reference layout (`2006-01-02 15:04:05.999999999 -0700 MST`), as `Time.Format` does.
    package func formatted(_ layout: String) -> String { format(layout) }

    /// Go's `time.ParseDuration`; nil where Go fails.
    package static func parseDuration(_ text: String) -> Duration? {
        guard let nanoseconds = try? GoDuration.parse(text) else { return nil }
        return .nanoseconds(nanoseconds)
    }
}
