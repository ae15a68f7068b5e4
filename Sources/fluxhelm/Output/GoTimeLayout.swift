import HelmEngine

/// A Go reference layout (`2006-01-02 15:04:05.999999999 -0700 MST`) for printing release times exactly as Helm
/// prints them; the formatting is HelmEngine's (the one Sprig's `date` uses).
struct GoTimeLayout: Sendable, Hashable {
    /// The layout, in Go's reference-time notation.
    var layout: String

    /// Go's `Time.String()` layout, which `helm list` uses for UPDATED.
    static let string = GoTimeLayout(layout: "2006-01-02 15:04:05.999999999 -0700 MST")
    /// Go's `time.ANSIC`, which `helm history` and `helm status` use.
    static let ansic = GoTimeLayout(layout: "Mon Jan _2 15:04:05 2006")
    /// Go's `time.RFC3339`, which `helm get metadata` uses for DEPLOYED_AT.
    static let rfc3339 = GoTimeLayout(layout: "2006-01-02T15:04:05Z07:00")

    /// `time` in this layout, zoned as Go zones a time it decoded from a release record.
    func format(_ time: GoTime) -> String {
        time.inParsedZone.formatted(layout)
    }
}
