/// A text table laid out as Helm's tables are (github.com/gosuri/uitable with its defaults): every cell padded on
/// the right to its column's display width, cells separated by a tab, multi-line cells spread over several lines.
struct UITable: Sendable {
    private(set) var rows: [[String]] = []

    /// Appends a row.
    mutating func addRow(_ cells: String...) { rows.append(cells) }

    /// Appends a row.
    mutating func addRow(_ cells: [String]) { rows.append(cells) }

    /// The table's text followed by one line break, as Helm's `output.EncodeTable` writes it (an empty table is
    /// just the line break).
    var text: String {
        var widths: [Int] = []
        for row in rows {
            for (column, cell) in row.enumerated() {
                if column >= widths.count { widths.append(0) }
                let width = cell.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { Self.displayWidth($0) }.max() ?? 0
                widths[column] = max(widths[column], width)
            }
        }
        var lines: [String] = []
        for row in rows {
            let cellLines = row.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            let height = cellLines.map(\.count).max() ?? 1
            for line in 0..<height {
                let cells = cellLines.enumerated().map { column, parts in
                    Self.padRight(line < parts.count ? parts[line] : "", to: widths[column])
                }
                lines.append(cells.joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func padRight(_ text: String, to width: Int) -> String {
        let current = displayWidth(Substring(text))
        return current >= width ? text : text + String(repeating: " ", count: width - current)
    }

    /// Terminal columns a string takes (go-runewidth's rule in short: East Asian wide and fullwidth characters
    /// take two, combining marks and control characters none, everything else one).
    static func displayWidth(_ text: Substring) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F..<0xA0).contains(value) { continue }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: break
            }
            width += isWide(value) ? 2 : 1
        }
        return width
    }

    private static func isWide(_ value: UInt32) -> Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
            || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xA000...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value)
            || (0x1F300...0x1F64F).contains(value) || (0x1F900...0x1F9FF).contains(value)
            || (0x20000...0x3FFFD).contains(value)
    }
}
