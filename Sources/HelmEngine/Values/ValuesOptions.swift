public import GoTemplate

/// The user's values sources, merged as Helm's `values.Options.MergeValues` does: `-f` files in
/// order, then every `--set-json`, `--set`, `--set-string`, `--set-file` and `--set-literal`
/// (each kind in its own order, kinds in that fixed order, whatever the command line's order).
public struct ValuesOptions: Sendable, Hashable {
    /// `-f`/`--values` file paths.
    public var valueFiles: [String]
    /// `--set-json` arguments (`key=JSON` or a JSON object).
    public var jsonValues: [String]
    /// `--set` arguments.
    public var values: [String]
    /// `--set-string` arguments.
    public var stringValues: [String]
    /// `--set-file` arguments (`key=path`).
    public var fileValues: [String]
    /// `--set-literal` arguments.
    public var literalValues: [String]

    /// Creates options; every list defaults to empty.
    public init(
        valueFiles: [String] = [], jsonValues: [String] = [], values: [String] = [], stringValues: [String] = [],
        fileValues: [String] = [], literalValues: [String] = []
    ) {
        self.valueFiles = valueFiles
        self.jsonValues = jsonValues
        self.values = values
        self.stringValues = stringValues
        self.fileValues = fileValues
        self.literalValues = literalValues
    }

    /// Merges every source into one map of user-supplied values.
    ///
    /// - Parameter readFile: reads a values file or `--set-file` path (tests inject this; the
    ///   default reads the local file system with a 5 MiB cap).
    /// - Throws: ``ChartError`` naming the file or argument, with Helm's message.
    public func merge(readFile: ((String) throws -> [UInt8])? = nil) throws -> [String: Value] {
        let read =
            readFile ?? { path in
                try ChartLoader().readFile(path, limit: ArchiveLimits().maxFileSize, display: path)
            }
        var base: [String: Value] = [:]
        for path in valueFiles {
            let bytes = try read(path)
            do {
                base = Values.mergeMaps(
                    base, try ValuesYAML.parseValues(String(decoding: bytes.withoutUTF8BOM, as: UTF8.self)))
            } catch {
                throw ChartError(
                    code: .invalidValues, message: "failed to parse \(path): \(ChartLoader.describe(error))", path: path
                )
            }
        }
        for argument in jsonValues {
            let trimmed = argument.trimmingGoSpace()
            if trimmed.hasPrefix("{") {
                guard case .map(let object, _)? = try? JSONReader.parseDocument(Array(trimmed.utf8)).goValue else {
                    throw ChartError(code: .invalidSet, message: "failed parsing --set-json data JSON: \(argument)")
                }
                base = Values.mergeMaps(base, object)
            } else {
                do {
                    try StrVals.parseJSON(argument, into: &base)
                } catch {
                    throw ChartError(code: .invalidSet, message: "failed parsing --set-json data \(argument)")
                }
            }
        }
        for argument in values {
            try wrap("--set") { try StrVals.parse(argument, into: &base) }
        }
        for argument in stringValues {
            try wrap("--set-string") { try StrVals.parseString(argument, into: &base) }
        }
        for argument in fileValues {
            try wrap("--set-file") {
                try StrVals.parseFile(argument, into: &base) { path in
                    String(decoding: try read(path), as: UTF8.self)
                }
            }
        }
        for argument in literalValues {
            try wrap("--set-literal") { try StrVals.parseLiteral(argument, into: &base) }
        }
        return base
    }

    private func wrap(_ flag: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ChartError {
            throw ChartError(
                code: error.code, message: "failed parsing \(flag) data: \(error.message)", cause: error.cause)
        }
    }
}
