import Foundation
import GoTemplate

// Sprig's arithmetic (numeric.go and functions.go): integer functions convert every operand
// with cast's `ToInt64` and return int64; the `f` variants compute in shopspring/decimal from
// each operand's shortest decimal form and return float64.
extension Sprig {
    static let mathFunctions: [String: TemplateFunction] = [
        "add1": function([.any]) { a in .int64(GoCast.int64(a[0]) &+ 1) },
        "add": function([], variadic: .any) { a in .int64(a.reduce(0) { $0 &+ GoCast.int64($1) }) },
        "sub": function([.any, .any]) { a in .int64(GoCast.int64(a[0]) &- GoCast.int64(a[1])) },
        "mul": function([.any], variadic: .any) { a in
            .int64(a.dropFirst().reduce(GoCast.int64(a[0])) { $0 &* GoCast.int64($1) })
        },
        "div": function([.any, .any]) { a in
            let (x, y) = (GoCast.int64(a[0]), GoCast.int64(a[1]))
            guard y != 0 else { throw failure("runtime error: integer divide by zero") }
            return .int64(x.dividedReportingOverflow(by: y).partialValue)
        },
        "mod": function([.any, .any]) { a in
            let (x, y) = (GoCast.int64(a[0]), GoCast.int64(a[1]))
            guard y != 0 else { throw failure("runtime error: integer divide by zero") }
            return .int64(x.remainderReportingOverflow(dividingBy: y).partialValue)
        },
        "max": function([.any], variadic: .any) { a in .int64(a.map(GoCast.int64).max() ?? 0) },
        "biggest": function([.any], variadic: .any) { a in .int64(a.map(GoCast.int64).max() ?? 0) },
        "min": function([.any], variadic: .any) { a in .int64(a.map(GoCast.int64).min() ?? 0) },
        "maxf": function([.any], variadic: .any) { a in
            .float(a.dropFirst().reduce(GoCast.float64(a[0])) { goMax($0, GoCast.float64($1)) })
        },
        "minf": function([.any], variadic: .any) { a in
            .float(a.dropFirst().reduce(GoCast.float64(a[0])) { goMin($0, GoCast.float64($1)) })
        },
        "ceil": function([.any]) { a in .float(GoCast.float64(a[0]).rounded(.up)) },
        "floor": function([.any]) { a in .float(GoCast.float64(a[0]).rounded(.down)) },
        "round": function([.any, .int], variadic: .float64) { a in
            .float(
                round(
                    GoCast.float64(a[0]), places: a[1].intArgument,
                    on: a.count > 2 ? GoCast.float64(a[2]) : 0.5))
        },
        "randInt": function([.int, .int]) { a in
            let (low, high) = (a[0].intArgument, a[1].intArgument)
            guard high > low else { throw failure("invalid argument to Intn") }
            return .int(Int.random(in: low..<high))
        },
        "add1f": function([.any]) { a in try decimalOp(a[0], [.int(1)], +) },
        "addf": function([], variadic: .any) { a in try decimalOp(.float(0), a, +) },
        "subf": function([.any], variadic: .any) { a in try decimalOp(a[0], Array(a.dropFirst()), -) },
        "mulf": function([.any], variadic: .any) { a in try decimalOp(a[0], Array(a.dropFirst()), *) },
        "divf": function([.any], variadic: .any) { a in
            try decimalOp(a[0], Array(a.dropFirst())) { x, y in
                guard !y.isZero else { throw failure("decimal division by 0") }
                return divide(x, y)
            }
        },
    ]

    /// Go's `math.Max`: NaN wins, +0 beats -0.
    static func goMax(_ x: Double, _ y: Double) -> Double {
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && y == 0 { return x.sign == .minus ? y : x }
        return x > y ? x : y
    }

    /// Go's `math.Min`: NaN wins, -0 beats +0.
    static func goMin(_ x: Double, _ y: Double) -> Double {
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && y == 0 { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }

    /// Sprig's `round`: scales by 10^places, rounds up when the fraction reaches `on`
    /// (down otherwise, so negatives round towards -inf), and scales back.
    static func round(_ value: Double, places: Int, on: Double) -> Double {
        let pow = Foundation.pow(10, Double(places))
        let digit = pow * value
        let fraction = digit - digit.rounded(.towardZero)
        let rounded = fraction >= on ? digit.rounded(.up) : digit.rounded(.down)
        return rounded / pow
    }

    /// The decimal of a float's shortest representation (shopspring's `NewFromFloat`).
    static func decimal(_ value: Double) -> Decimal {
        guard value.isFinite, value != 0 else { return 0 }
        let (digits, point) = GoFormat.shortestDigits(value)
        var mantissa = Decimal(0)
        for digit in digits { mantissa = mantissa * 10 + Decimal(Int(digit)) }
        let exponent = point - digits.count
        var result = Decimal(sign: value < 0 ? .minus : .plus, exponent: exponent, significand: mantissa)
        if result.isNaN { result = 0 }
        return result
    }

    /// shopspring's `Div`: the quotient rounded half away from zero to 16 decimal places.
    static func divide(_ x: Decimal, _ y: Decimal) -> Decimal {
        var quotient = x / y
        var rounded = Decimal()
        NSDecimalRound(&rounded, &quotient, 16, .plain)
        return rounded
    }

    static func decimalOp(
        _ first: Value,
        _ rest: [Value],
        _ operation: (Decimal, Decimal) throws -> Decimal
    ) throws -> Value {
        var result = decimal(GoCast.float64(first))
        for operand in rest {
            result = try operation(result, decimal(GoCast.float64(operand)))
        }
        return .float(Double(NSDecimalNumber(decimal: result).stringValue) ?? 0)
    }
}
