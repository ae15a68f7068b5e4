import GoTemplate
import SemVer

extension ChartMetadata {
    /// Checks the metadata as Helm's `Metadata.Validate()` does, after cleaning strings the
    /// same way (white space becomes a space, unprintable characters are dropped).
    ///
    /// - Throws: ``ChartError`` with code `invalidChart` and Helm's `validation: …` message.
    public mutating func validate() throws {
        name = Self.sanitize(name)
        description = Self.sanitize(description)
        home = Self.sanitize(home)
        icon = Self.sanitize(icon)
        condition = Self.sanitize(condition)
        tags = Self.sanitize(tags)
        appVersion = Self.sanitize(appVersion)
        kubeVersion = Self.sanitize(kubeVersion)
        sources = sources.map(Self.sanitize)
        keywords = keywords.map(Self.sanitize)

        func fail(_ text: String) -> ChartError {
            ChartError(code: .invalidChart, message: "validation: " + text)
        }
        if apiVersion.isEmpty { throw fail("chart.metadata.apiVersion is required") }
        if name.isEmpty { throw fail("chart.metadata.name is required") }
        if name == "." || name == ".." { throw fail("chart.metadata.name \(GoQuote.quote(name)) is not allowed") }
        if name != GoPath.base(name) { throw fail("chart.metadata.name \(GoQuote.quote(name)) is invalid") }
        if version.isEmpty { throw fail("chart.metadata.version is required") }
        if !ChartVersionCheck.isValid(version) {
            throw fail("chart.metadata.version \(GoQuote.quote(version)) is invalid")
        }
        if !["", "application", "library"].contains(type) {
            throw fail("chart.metadata.type must be application or library")
        }
        if nullMaintainer { throw fail("maintainers must not contain empty or null nodes") }
        for index in maintainers.indices {
            maintainers[index].name = Self.sanitize(maintainers[index].name)
            maintainers[index].email = Self.sanitize(maintainers[index].email)
            maintainers[index].url = Self.sanitize(maintainers[index].url)
        }
        if nullDependency { throw fail("dependencies must not contain empty or null nodes") }
        var seen: Set<String> = []
        for index in dependencies.indices {
            dependencies[index].name = Self.sanitize(dependencies[index].name)
            dependencies[index].version = Self.sanitize(dependencies[index].version)
            dependencies[index].repository = Self.sanitize(dependencies[index].repository)
            dependencies[index].condition = Self.sanitize(dependencies[index].condition)
            dependencies[index].tags = dependencies[index].tags.map(Self.sanitize)
            let dependency = dependencies[index]
            if !dependency.alias.isEmpty && !Self.isValidAlias(dependency.alias) {
                throw fail("dependency \(GoQuote.quote(dependency.name)) has disallowed characters in the alias")
            }
            let key = dependency.alias.isEmpty ? dependency.name : dependency.alias
            if seen.contains(key) { throw fail("more than one dependency with name or alias \(GoQuote.quote(key))") }
            seen.insert(key)
        }
    }

    /// Helm's `sanitizeString`: white space becomes a space, unprintable characters are removed.
    static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                out.append(" ")
            } else if isPrintable(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// An approximation of Go's `unicode.IsPrint`: letters, marks, numbers, punctuation,
    /// symbols and the ASCII space.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
            .spaceSeparator:
            return scalar == " "
        default:
            return true
        }
    }

    private static func isValidAlias(_ alias: String) -> Bool {
        alias.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
        }
    }
}

/// Masterminds `semver.NewVersion` acceptance (the loose form Helm uses for chart versions).
enum ChartVersionCheck {
    static func isValid(_ text: String) -> Bool {
        (try? Version(text)) != nil
    }
}
