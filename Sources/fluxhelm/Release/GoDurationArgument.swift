import ArgumentParser
import HelmEngine

/// A `--timeout` value in Go's duration syntax (`300s`, `5m`, `1h30m`).
struct GoDurationArgument: ExpressibleByArgument, Sendable {
    var duration: Duration
    var text: String

    init(_ duration: Duration, text: String) {
        self.duration = duration
        self.text = text
    }

    init?(argument: String) {
        // Go accepts a negative duration; a negative timeout means nothing, so it is refused here.
        guard let duration = GoTime.parseDuration(argument), duration >= .zero else { return nil }
        self.init(duration, text: argument)
    }

    var defaultValueDescription: String { text }
}
