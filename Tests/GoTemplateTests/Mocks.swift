import GoTemplate

/// A Go struct pointer for tests: `*test.Object` with fields `Name`, `Port` and methods
/// `Greet(string) string`, `Double(int) int` and `Fail() (string, error)`.
struct TestObject: GoObject {
    var name: String
    var goTypeName: String { "*test.Object" }
    var goDescription: String { "&{\(name)}" }

    func field(_ name: String) -> Value? {
        switch name {
        case "Name": .string(self.name)
        case "Port": .int(8080)
        default: nil
        }
    }

    func method(_ name: String) -> TemplateFunction? {
        switch name {
        case "Greet":
            TemplateFunction([.string]) { args, _ in
                guard case .string(let who) = args[0] else { return .null }
                return .string("hello \(who) from \(self.name)")
            }
        case "Double":
            TemplateFunction([.int]) { args, _ in
                guard case .int(let n, _) = args[0] else { return .null }
                return .int(2 * n)
            }
        case "Fail":
            TemplateFunction([]) { _, _ in throw TemplateFunctionError("object failed") }
        default: nil
        }
    }
}
