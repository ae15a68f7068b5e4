import GoTemplate

/// Quotes text as Go's `%q` verb (`strconv.Quote`) does, so error messages match Masterminds' byte for byte.
///
/// GoTemplate's ``GoTemplate/GoQuote`` is the one implementation (Go's escapes and Go's `unicode.IsPrint`).
func goQuote<S: StringProtocol>(_ text: S) -> String {
    GoQuote.quote(String(text))
}
