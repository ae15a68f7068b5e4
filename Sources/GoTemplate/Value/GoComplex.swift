/// A Go `complex128`: templates meet one only as a constant such as `1i` or `1+2i`.
struct GoComplex: GoObject, Equatable {
    let real: Double
    let imag: Double

    var goTypeName: String { "complex128" }
    var goKind: GoKind { .complex128 }

    /// Go's `%v`: `(0+1i)`, each part as a float's `%v`, the imaginary one always signed.
    var goDescription: String {
        let imagText = GoFormatter.format(.float(imag))
        let signed = imagText.hasPrefix("-") || imagText.hasPrefix("+") ? imagText : "+" + imagText
        return "(" + GoFormatter.format(.float(real)) + signed + "i)"
    }
}
