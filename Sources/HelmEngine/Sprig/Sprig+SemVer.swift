import GoTemplate
import SemVer

// Sprig's `semver` and `semverCompare` (semver.go) over the SemVer module's Masterminds v3 rules.
extension Sprig {
    static let semverFunctions: [String: TemplateFunction] = [
        "semver": function([.string]) { a in
            do throws(SemVerError) {
                return .object(GoSemVer(version: try Version(a[0].stringArgument), pointer: true))
            } catch {
                throw failure(error.message)
            }
        },
        "semverCompare": function([.string, .string]) { a in
            do throws(SemVerError) {
                let constraints = try Constraints(a[0].stringArgument)
                return .bool(constraints.check(try Version(a[1].stringArgument)))
            } catch {
                throw failure(error.message)
            }
        },
    ]
}

/// Masterminds' `*semver.Version` (or, from `IncMajor` and friends, a `semver.Version` value) as
/// templates see it: printed in normal form, with its Go methods.
struct GoSemVer: GoObject {
    var version: Version
    var pointer: Bool

    var goTypeName: String { pointer ? "*semver.Version" : "semver.Version" }
    var goKind: GoKind { pointer ? .ptr : .struct }
    var goDescription: String { version.description }
    var jsonValue: Value? { .string(version.description) }

    func method(_ name: String) -> TemplateFunction? {
        let v = version
        func plain(_ body: @escaping @Sendable () -> Value) -> TemplateFunction {
            TemplateFunction([]) { _, _ in body() }
        }
        func other(_ body: @escaping @Sendable (Version) -> Value) -> TemplateFunction {
            TemplateFunction([.any]) { arguments, _ in
                guard case .object(let object) = arguments.first, let theirs = object as? GoSemVer else {
                    let type = arguments.first.map(\.goTypeName) ?? "<nil>"
                    throw TemplateFunctionError("wrong type for value; expected *semver.Version; got \(type)")
                }
                return body(theirs.version)
            }
        }
        func increment(_ body: @escaping @Sendable () throws(SemVerError) -> Version) -> TemplateFunction {
            TemplateFunction([]) { _, _ in
                do throws(SemVerError) {
                    return .object(GoSemVer(version: try body(), pointer: false))
                } catch {
                    throw TemplateFunctionError(error.message)
                }
            }
        }
        func setter(_ body: @escaping @Sendable (String) throws(SemVerError) -> Version) -> TemplateFunction {
            TemplateFunction([.string]) { arguments, _ in
                do throws(SemVerError) {
                    return .object(GoSemVer(version: try body(arguments.first?.stringArgument ?? ""), pointer: false))
                } catch {
                    throw TemplateFunctionError(error.message)
                }
            }
        }
        switch name {
        case "Major": return plain { .int(Int(truncatingIfNeeded: v.major), .uint64) }
        case "Minor": return plain { .int(Int(truncatingIfNeeded: v.minor), .uint64) }
        case "Patch": return plain { .int(Int(truncatingIfNeeded: v.patch), .uint64) }
        case "Prerelease": return plain { .string(v.prerelease) }
        case "Metadata": return plain { .string(v.metadata) }
        case "Original": return plain { .string(v.original) }
        case "String": return plain { .string(v.description) }
        case "IncMajor": return increment { () throws(SemVerError) in try v.incrementingMajor() }
        case "IncMinor": return increment { () throws(SemVerError) in try v.incrementingMinor() }
        case "IncPatch": return increment { () throws(SemVerError) in try v.incrementingPatch() }
        case "SetPrerelease": return setter { (s: String) throws(SemVerError) in try v.settingPrerelease(s) }
        case "SetMetadata": return setter { (s: String) throws(SemVerError) in try v.settingMetadata(s) }
        case "Compare": return other { .int(v.compare($0)) }
        case "LessThan": return other { .bool(v.compare($0) < 0) }
        case "LessThanEqual": return other { .bool(v.compare($0) <= 0) }
        case "GreaterThan": return other { .bool(v.compare($0) > 0) }
        case "GreaterThanEqual": return other { .bool(v.compare($0) >= 0) }
        case "Equal": return other { .bool(v.compare($0) == 0) }
        default: return nil
        }
    }
}
