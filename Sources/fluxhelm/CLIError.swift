/// An error the CLI reports as `Error: MESSAGE` with exit status 1, as `helm` does.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ message: String) { self.description = message }
}
