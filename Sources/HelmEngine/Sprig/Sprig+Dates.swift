import GoTemplate

// Sprig's date functions (date.go). The local zone is Go's `time.Local` (the `TZ` environment
// variable, else /etc/localtime).
extension Sprig {
    static let dateFunctions: [String: TemplateFunction] = {
        let modify = function([.string, .any]) { a in
            let time = try timeArgument(a[1], "dateModify")
            guard let duration = try? GoDuration.parse(a[0].stringArgument) else { return .object(time) }
            return .object(time.adding(nanoseconds: duration))
        }
        let mustModify = function([.string, .any]) { a in
            let time = try timeArgument(a[1], "mustDateModify")
            do throws(GoDuration.ParseError) {
                return .object(time.adding(nanoseconds: try GoDuration.parse(a[0].stringArgument)))
            } catch {
                throw failure(error.message)
            }
        }
        let inZone = function([.string, .any, .string]) { a in
            .string(dateInZone(a[0].stringArgument, a[1], a[2].stringArgument))
        }
        return [
            "now": function([]) { _ in .object(GoTime.now()) },
            "date": function([.string, .any]) { a in .string(dateInZone(a[0].stringArgument, a[1], "Local")) },
            "dateInZone": inZone,
            "date_in_zone": inZone,
            "htmlDate": function([.any]) { a in .string(dateInZone("2006-01-02", a[0], "Local")) },
            "htmlDateInZone": function([.any, .string]) { a in
                .string(dateInZone("2006-01-02", a[0], a[1].stringArgument))
            },
            "dateModify": modify,
            "date_modify": modify,
            "mustDateModify": mustModify,
            "must_date_modify": mustModify,
            "toDate": function([.string, .string]) { a in
                .object(
                    (try? GoTime.parse(layout: a[0].stringArgument, value: a[1].stringArgument, zone: .local))
                        ?? .zero)
            },
            "mustToDate": function([.string, .string]) { a in
                do throws(GoTime.ParseError) {
                    return .object(
                        try GoTime.parse(
                            layout: a[0].stringArgument, value: a[1].stringArgument,
                            zone: .local))
                } catch {
                    throw failure(error.message)
                }
            },
            "unixEpoch": function([.any]) { a in .string(String(try timeArgument(a[0], "unixEpoch").unix)) },
            "ago": function([.any]) { a in
                let time = instant(a[0])
                let now = GoTime.now()
                var elapsed = (now.unix - time.unix) * 1_000_000_000 + Int64(now.nanosecond - time.nanosecond)
                // Go rounds to the second, halves away from zero.
                let remainder = elapsed % 1_000_000_000
                elapsed -= remainder
                if abs(remainder) >= 500_000_000 { elapsed += remainder < 0 ? -1_000_000_000 : 1_000_000_000 }
                return .string(GoDuration.string(elapsed))
            },
            "duration": function([.any]) { a in
                let seconds: Int
                switch a[0] {
                case .string(let s): seconds = GoCast.parseDecimal(s) ?? 0
                case .int(let i, .int64): seconds = i
                default: seconds = 0
                }
                return .string(
                    GoDuration.string(Int64(seconds).multipliedReportingOverflow(by: 1_000_000_000).partialValue))
            },
            "durationRound": function([.any]) { a in .string(durationRound(a[0])) },
        ]
    }()

    /// A `time.Time` argument; other types fail as Go's argument conversion does.
    static func timeArgument(_ value: Value, _ name: String) throws -> GoTime {
        if case .object(let object) = value, let time = object as? GoTime { return time }
        throw failure("wrong type for value; expected time.Time; got \(value.goTypeName)")
    }

    /// The instant Sprig's `date` family reads: a time, or Unix seconds as int/int64/int32;
    /// anything else (including float64 from values) means now.
    static func instant(_ value: Value) -> GoTime {
        switch value {
        case .object(let object):
            if let time = object as? GoTime { return time }
        case .int(let seconds, .int), .int(let seconds, .int64), .int(let seconds, .int32):
            return GoTime(unix: Int64(seconds), nanosecond: 0, zone: .local)
        default:
            break
        }
        return GoTime.now()
    }

    /// Sprig's `dateInZone`: formats in the named zone, or UTC when Go cannot load it.
    static func dateInZone(_ layout: String, _ date: Value, _ zone: String) -> String {
        instant(date).inZone(GoZone.load(zone) ?? .utc).format(layout)
    }

    /// Sprig's `durationRound`: the largest whole unit (y, mo, d, h, m, s) of a duration given as
    /// a Go duration string, int64 nanoseconds or a time (elapsed since); the sign is dropped.
    static func durationRound(_ value: Value) -> String {
        var nanos: Int64 = 0
        switch value {
        case .string(let s): nanos = (try? GoDuration.parse(s)) ?? 0
        case .int(let i, .int64): nanos = Int64(i)
        case .object(let object):
            if let time = object as? GoTime {
                let now = GoTime.now()
                nanos = (now.unix - time.unix) * 1_000_000_000 + Int64(now.nanosecond - time.nanosecond)
            }
        default: break
        }
        let u = nanos.magnitude
        let second: UInt64 = 1_000_000_000
        let units: [(UInt64, String)] = [
            (second * 3600 * 24 * 365, "y"), (second * 3600 * 24 * 30, "mo"), (second * 3600 * 24, "d"),
            (second * 3600, "h"), (second * 60, "m"), (second, "s"),
        ]
        for (size, suffix) in units where u > size { return "\(u / size)\(suffix)" }
        return "0s"
    }
}

extension GoCast {
    /// Go's `strconv.ParseInt(s, 10, 64)`.
    static func parseDecimal(_ s: String) -> Int? {
        guard !s.isEmpty, !s.contains("_") else { return nil }
        let body = s.hasPrefix("+") || s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s.hasPrefix("+") ? String(s.dropFirst()) : s)
    }
}
