// Parsing follows Masterminds/semver v3 `NewVersion` (coercing, the default) and `StrictNewVersion`.
// The grammar of the loose form is deterministic, so it is scanned by hand instead of with a regex.

extension Version {
    /// Parses a version the way Masterminds' `NewVersion` does (what Sprig's `semver` and Helm use).
    ///
    /// Accepts an optional lowercase `v`, one to three dot-separated numbers (leading zeros allowed, missing
    /// minor/patch read as 0), then an optional `-prerelease` and `+metadata` of `[0-9A-Za-z-]` identifiers.
    ///
    /// - Parameter text: The version text, e.g. `"v1.2"`, `"1.2.3-rc.1+b5"`.
    /// - Throws: ``SemVerError`` with Masterminds' message: `invalid semantic version`,
    ///   `version segment starts with 0` (numeric prerelease identifier), or
    ///   `error parsing version segment: strconv.ParseUint: ...` (a number above 2^64-1).
    public init(_ text: String) throws(SemVerError) {
        var copy = text
        let parsed = copy.withUTF8 { bytes in Version.parseLoose(bytes) }
        switch parsed {
        case .failure(let error): throw error
        case .success(let parts):
            self.init(
                major: parts.major,
                minor: parts.minor,
                patch: parts.patch,
                prerelease: parts.prerelease,
                metadata: parts.metadata,
                original: text
            )
        }
    }

    /// Parses only a complete semantic version, the way Masterminds' `StrictNewVersion` does.
    ///
    /// - Parameter text: The version text, e.g. `"1.2.3-rc.1"`; no `v`, all three numbers, no leading zeros.
    /// - Throws: ``SemVerError`` with Masterminds' message (`version string empty`, `invalid semantic version`,
    ///   `invalid characters in version`, `version segment starts with 0`, `invalid prerelease string`,
    ///   `invalid metadata string`, or a `strconv.ParseUint` error).
    public init(strict text: String) throws(SemVerError) {
        if text.isEmpty { throw .emptyString }
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .invalidVersion }
        var last = parts[2]
        var metadata: Substring = ""
        var prerelease: Substring = ""
        if let plus = last.firstIndex(of: "+") {
            metadata = last[last.index(after: plus)...]
            last = last[..<plus]
            try Version.validateMetadata(metadata)
        }
        if let dash = last.firstIndex(of: "-") {
            prerelease = last[last.index(after: dash)...]
            last = last[..<dash]
            try Version.validatePrerelease(prerelease)
        }
        let numbers = [parts[0], parts[1], last]
        for number in numbers {
            if !number.utf8.allSatisfy(isDigit) { throw .invalidCharacters }
            if number.utf8.count > 1 && number.utf8.first == UInt8(ascii: "0") { throw .segmentStartsZero }
        }
        var values: [UInt64] = []
        for number in numbers {
            if number.isEmpty { throw .invalidSyntax(number) }
            guard let value = parseDecimal(number.utf8) else { throw .outOfRange(number, wrapped: false) }
            values.append(value)
        }
        self.init(
            major: values[0],
            minor: values[1],
            patch: values[2],
            prerelease: String(prerelease),
            metadata: String(metadata),
            original: text
        )
    }

    /// Masterminds' `validatePrerelease`: non-empty identifiers of `[0-9A-Za-z-]`, numeric ones without
    /// leading zeros.
    static func validatePrerelease(_ text: Substring) throws(SemVerError) {
        for identifier in text.split(separator: ".", omittingEmptySubsequences: false) {
            if identifier.isEmpty { throw .invalidPrerelease }
            if identifier.utf8.allSatisfy(isDigit) {
                if identifier.utf8.count > 1 && identifier.utf8.first == UInt8(ascii: "0") {
                    throw .segmentStartsZero
                }
            } else if !identifier.utf8.allSatisfy(isIdentifierByte) {
                throw .invalidPrerelease
            }
        }
    }

    /// Masterminds' `validateMetadata`: non-empty identifiers of `[0-9A-Za-z-]`.
    static func validateMetadata(_ text: Substring) throws(SemVerError) {
        for identifier in text.split(separator: ".", omittingEmptySubsequences: false) {
            if identifier.isEmpty || !identifier.utf8.allSatisfy(isIdentifierByte) { throw .invalidMetadata }
        }
    }
}

// MARK: - Loose scanning

struct LooseParts {
    var major: UInt64
    var minor: UInt64
    var patch: UInt64
    var prerelease: String
    var metadata: String
}

extension Version {
    /// Scans `v?N(.N)?(.N)?(-ids)?(+ids)?` over the whole input, then converts the numbers and validates
    /// the prerelease, in the order Masterminds reports errors.
    static func parseLoose(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<LooseParts, SemVerError> {
        var index = 0
        let count = bytes.count
        if index < count && bytes[index] == UInt8(ascii: "v") { index += 1 }
        func digits() -> Range<Int>? {
            let start = index
            while index < count && isDigit(bytes[index]) { index += 1 }
            return index > start ? start..<index : nil
        }
        guard let majorRange = digits() else { return .failure(.invalidVersion) }
        var numberRanges = [majorRange]
        // Up to two more `.N` groups; a dot not followed by a digit ends the number part.
        while numberRanges.count < 3 && index + 1 < count && bytes[index] == UInt8(ascii: ".")
            && isDigit(bytes[index + 1])
        {
            index += 1
            if let range = digits() { numberRanges.append(range) }
        }
        var prereleaseRange: Range<Int>? = nil
        if index < count && bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard let range = scanIdentifiers(bytes, &index) else { return .failure(.invalidVersion) }
            prereleaseRange = range
        }
        var metadataRange: Range<Int>? = nil
        if index < count && bytes[index] == UInt8(ascii: "+") {
            index += 1
            guard let range = scanIdentifiers(bytes, &index) else { return .failure(.invalidVersion) }
            metadataRange = range
        }
        guard index == count else { return .failure(.invalidVersion) }

        var numbers: [UInt64] = [0, 0, 0]
        for (slot, range) in numberRanges.enumerated() {
            let slice = UnsafeBufferPointer(rebasing: bytes[range])
            guard let value = parseDecimal(slice) else {
                return .failure(.outOfRange(Substring(decoding: slice, as: UTF8.self), wrapped: true))
            }
            numbers[slot] = value
        }
        let prerelease = prereleaseRange.map { String(decoding: bytes[$0], as: UTF8.self) } ?? ""
        if !prerelease.isEmpty {
            do { try validatePrerelease(Substring(prerelease)) } catch { return .failure(error) }
        }
        let metadata = metadataRange.map { String(decoding: bytes[$0], as: UTF8.self) } ?? ""
        return .success(
            LooseParts(
                major: numbers[0],
                minor: numbers[1],
                patch: numbers[2],
                prerelease: prerelease,
                metadata: metadata
            )
        )
    }
}

/// Scans `[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*` at `index`; returns the range or `nil` if nothing matched.
func scanIdentifiers(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Range<Int>? {
    let start = index
    let count = bytes.count
    while index < count && isIdentifierByte(bytes[index]) { index += 1 }
    guard index > start else { return nil }
    while index + 1 < count && bytes[index] == UInt8(ascii: ".") && isIdentifierByte(bytes[index + 1]) {
        index += 1
        while index < count && isIdentifierByte(bytes[index]) { index += 1 }
    }
    return start..<index
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

@inline(__always) func isIdentifierByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D
}

/// Decimal digits to `UInt64`, or `nil` on overflow (the caller has checked they are all digits).
func parseDecimal<C: Collection>(_ digits: C) -> UInt64? where C.Element == UInt8 {
    var value: UInt64 = 0
    for byte in digits {
        let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - 0x30))
        if overflow1 || overflow2 { return nil }
        value = sum
    }
    return value
}
