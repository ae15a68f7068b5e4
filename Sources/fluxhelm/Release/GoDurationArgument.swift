import ArgumentParser

/// A `--timeout` value in Go's duration syntax (`300s`, `5m`, `1h30m`).
struct GoDurationArgument: ExpressibleByArgument, Sendable {
    var duration: Duration
    var text: String

    init(_ duration: Duration, text: String) {
        self.duration = duration
        self.text = text
    }

    init?(argument: String) {
        guard let duration = GoDuration.parse(argument) else { return nil }
        self.init(duration, text: argument)
    }

    var defaultValueDescription: String { text }
}
