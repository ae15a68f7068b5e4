/// One parsed template: its name, the file it came from and its root list (Go's `parse.Tree`).
final class Tree: Sendable {
    /// The template's name (the file name, or the name in `{{define "NAME"}}`).
    let name: String
    /// The name of the text it was parsed from, used in error locations.
    let parseName: String
    /// The source text, to turn byte positions into lines and columns.
    let source: [UInt8]
    let root: ListNode

    init(name: String, parseName: String, source: [UInt8], root: ListNode) {
        self.name = name
        self.parseName = parseName
        self.source = source
        self.root = root
    }

    /// Go's `ErrorContext`: `PARSENAME:LINE:COL` (COL is a 0-based byte offset in the line).
    func location(of pos: Int) -> String {
        let end = min(max(pos, 0), source.count)
        var line = 1
        var lastNewline = -1
        for i in 0..<end where source[i] == 0x0A {
            line += 1
            lastNewline = i
        }
        let column = lastNewline < 0 ? end : end - (lastNewline + 1)
        return "\(parseName):\(line):\(column)"
    }
}
