/// Go's `fmt.Sprint`, `fmt.Sprintln`, `fmt.Sprintf` and `%v` over template values.
public enum GoFormatter {
    /// What `fmt.Sprint(value)` prints (`%v`): `map[a:1 b:2]`, `[a b]`, `1e+06`, `<nil>`.
    public static func format(_ value: Value) -> String {
        if case .string(let s) = value { return s }
        var printer = GoPrinter()
        printer.printArg(value, verb: UInt8(ascii: "v"))
        return String(decoding: printer.buffer, as: UTF8.self)
    }

    /// `fmt.Sprint`: operands in `%v`, with a space between two operands when neither is a string.
    public static func sprint(_ values: [Value]) -> String {
        var printer = GoPrinter()
        var previousString = false
        for (i, value) in values.enumerated() {
            let isString = if case .string = value { true } else { false }
            if i > 0 && !isString && !previousString { printer.buffer.append(UInt8(ascii: " ")) }
            printer.clearFlags()
            printer.printArg(value, verb: UInt8(ascii: "v"))
            previousString = isString
        }
        return String(decoding: printer.buffer, as: UTF8.self)
    }

    /// `fmt.Sprintln`: operands in `%v` separated by spaces, then a newline.
    public static func sprintln(_ values: [Value]) -> String {
        var printer = GoPrinter()
        for (i, value) in values.enumerated() {
            if i > 0 { printer.buffer.append(UInt8(ascii: " ")) }
            printer.clearFlags()
            printer.printArg(value, verb: UInt8(ascii: "v"))
        }
        printer.buffer.append(UInt8(ascii: "\n"))
        return String(decoding: printer.buffer, as: UTF8.self)
    }

    /// Go's string order: bytewise over UTF-8.
    static func goStringLess(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// `fmt.Sprintf` with Go's verbs, flags, width, precision, `*`, `[n]` indexes and error forms
    /// (`%!d(string=x)`, `%!d(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`).
    public static func sprintf(_ format: String, _ args: [Value]) -> String {
        let f = Array(format.utf8)
        let end = f.count
        var p = GoPrinter()
        p.buffer.reserveCapacity(end + 16 * args.count)
        var argNum = 0
        var afterIndex = false
        var reordered = false
        var i = 0
        formatLoop: while i < end {
            var goodArgNum = true
            let last = i
            while i < end && f[i] != UInt8(ascii: "%") { i += 1 }
            if i > last { p.buffer += f[last..<i] }
            if i >= end { break }
            i += 1
            p.clearFlags()
            flags: while i < end {
                switch f[i] {
                case UInt8(ascii: "#"): p.sharp = true
                case UInt8(ascii: "0"): p.zero = !p.minus
                case UInt8(ascii: "+"): p.plus = true
                case UInt8(ascii: "-"):
                    p.minus = true
                    p.zero = false
                case UInt8(ascii: " "): p.space = true
                default: break flags
                }
                i += 1
            }
            // Argument index, width, precision.
            func argNumber(_ current: Int) -> (Int, Bool) {
                guard i < end, f[i] == UInt8(ascii: "[") else { return (current, false) }
                reordered = true
                var j = i + 1
                while j < end && f[j] != UInt8(ascii: "]") { j += 1 }
                guard j < end else {
                    i += 1
                    goodArgNum = false
                    return (current, false)
                }
                let (n, ok, next) = parseNumber(f, i + 1, j)
                i = j + 1
                if !ok || next != j {
                    goodArgNum = false
                    return (current, false)
                }
                if n - 1 >= 0 && n - 1 < args.count { return (n - 1, true) }
                goodArgNum = false
                return (current, true)
            }
            (argNum, afterIndex) = argNumber(argNum)
            if i < end && f[i] == UInt8(ascii: "*") {
                i += 1
                let (n, ok) = intFromArg(args, argNum)
                argNum += argNum < args.count ? 1 : 0
                if ok {
                    p.width = n
                    if n < 0 {
                        p.width = -n
                        p.minus = true
                        p.zero = false
                    }
                } else {
                    p.buffer += Array("%!(BADWIDTH)".utf8)
                }
                afterIndex = false
            } else {
                let (n, ok, next) = parseNumber(f, i, end)
                if ok {
                    p.width = n
                    if afterIndex { goodArgNum = false }
                }
                i = next
            }
            if i + 1 < end && f[i] == UInt8(ascii: ".") {
                i += 1
                if afterIndex { goodArgNum = false }
                (argNum, afterIndex) = argNumber(argNum)
                if i < end && f[i] == UInt8(ascii: "*") {
                    i += 1
                    let (n, ok) = intFromArg(args, argNum)
                    argNum += argNum < args.count ? 1 : 0
                    if ok && n >= 0 {
                        p.precision = n
                    } else if !ok {
                        p.buffer += Array("%!(BADPREC)".utf8)
                    }
                    afterIndex = false
                } else {
                    let (n, ok, next) = parseNumber(f, i, end)
                    p.precision = ok ? n : 0
                    i = next
                }
            }
            if !afterIndex { (argNum, afterIndex) = argNumber(argNum) }
            if i >= end {
                p.buffer += Array("%!(NOVERB)".utf8)
                break formatLoop
            }
            var verb = f[i]
            var verbWidth = 1
            p.currentVerbScalar = nil
            if verb >= 0x80 {
                let (s, w) = UTF8Decoding.scalar(in: f, at: i)
                p.currentVerbScalar = s
                verbWidth = w
                verb = 0
            }
            i += verbWidth
            if verb == UInt8(ascii: "%") {
                p.buffer.append(UInt8(ascii: "%"))
            } else if !goodArgNum {
                p.buffer += Array("%!".utf8)
                p.appendVerb(verb)
                p.buffer += Array("(BADINDEX)".utf8)
            } else if argNum >= args.count {
                p.buffer += Array("%!".utf8)
                p.appendVerb(verb)
                p.buffer += Array("(MISSING)".utf8)
            } else {
                if verb == UInt8(ascii: "v") {
                    p.sharpV = p.sharp
                    p.sharp = false
                    p.plusV = p.plus
                    p.plus = false
                }
                p.printArg(args[argNum], verb: verb)
                argNum += 1
            }
        }
        if !reordered && argNum < args.count {
            p.clearFlags()
            p.buffer += Array("%!(EXTRA ".utf8)
            for (k, arg) in args[argNum...].enumerated() {
                if k > 0 { p.buffer += Array(", ".utf8) }
                if case .null = arg {
                    p.buffer += Array("<nil>".utf8)
                } else {
                    p.buffer += Array(arg.goTypeName.utf8)
                    p.buffer.append(UInt8(ascii: "="))
                    p.printArg(arg, verb: UInt8(ascii: "v"))
                }
            }
            p.buffer.append(UInt8(ascii: ")"))
        }
        return String(decoding: p.buffer, as: UTF8.self)
    }

    /// Go's `parsenum`: digits at `start` (capped below 1e6, as Go does).
    private static func parseNumber(_ f: [UInt8], _ start: Int, _ end: Int) -> (Int, Bool, Int) {
        var i = start
        var n = 0
        var ok = false
        while i < end, f[i] >= UInt8(ascii: "0"), f[i] <= UInt8(ascii: "9") {
            if n > 1_000_000 { return (0, false, end) }
            n = n * 10 + Int(f[i] - UInt8(ascii: "0"))
            ok = true
            i += 1
        }
        return (n, ok, i)
    }

    private static func intFromArg(_ args: [Value], _ argNum: Int) -> (Int, Bool) {
        guard argNum < args.count, case .int(let n, _) = args[argNum] else { return (0, false) }
        if n > 1_000_000 || n < -1_000_000 { return (0, false) }
        return (n, true)
    }
}
