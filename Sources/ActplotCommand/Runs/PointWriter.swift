import ActivationPlot

/// What eval writes: a table (the default), CSV, JSON lines, or one JSON document (`--json`).
enum PointOutput {
    case table, csv, jsonl, json

    /// The output of one of eval's formats (``OutputFormat/eval``).
    init(_ format: OutputFormat) {
        switch format {
        case .csv: self = .csv
        case .jsonl: self = .jsonl
        default: self = .table
        }
    }
}

/// eval's one writer: rows of points as an aligned table, CSV, JSON lines or one JSON
/// document, written block by block as the points come.
///
/// CSV, JSON lines and JSON go out with each block. A table is kept until the end and aligned
/// to its widest cells, unless a second block comes and its rows stream
/// (``PointRows/tableStreams``): then it is written as it comes in fixed widths.
struct PointWriter<Rows: PointRows> {
    let rows: Rows
    let output: PointOutput
    private var console: Console
    /// Table rows kept for alignment (text cells), and their points for the footer.
    private var kept: [[String]] = []
    private var keptPoints: [Rows.Point] = []
    /// Whether a table is streaming, and whether a JSON document has a point yet.
    private var streaming = false
    private var first = true

    /// A writer to the console's stdout.
    init(_ rows: Rows, output: PointOutput, console: Console) {
        self.rows = rows
        self.output = output
        self.console = console
    }

    /// Writes what comes before the rows: the CSV header, or the JSON document's members.
    mutating func begin() throws {
        switch output {
        case .csv:
            try emit(rows.columns.map { CSVTable.field($0.csv) }.joined(separator: ",") + "\n")
        case .json:
            let header = JSONValue.object(rows.documentMembers + [("points", .array([]))]).text()
            // Everything before the empty array's "[]\n}", then "[" and the points one by one.
            try emit(String(header.dropLast(4)) + "[\n")
        case .table, .jsonl:
            break
        }
    }

    /// Writes the rows of the points at `xs`.
    mutating func write(_ xs: [Double]) throws {
        let points = rows.points(at: xs)
        if output == .table {
            return try table(xs, points)
        }
        var block: [UInt8] = []
        block.reserveCapacity(xs.count * (output == .json ? 180 : 110))
        let keys = rows.columns.map(\.key)
        for (x, point) in zip(xs, points) {
            switch output {
            case .csv:
                for column in keys.indices {
                    if column > 0 { block.append(UInt8(ascii: ",")) }
                    rows.append(point, x: x, column: column, as: .csv, to: &block)
                }
                block.append(UInt8(ascii: "\n"))
            case .jsonl, .json:
                let document = output == .json
                if document && !first { block += ",\n".utf8 }
                block += (document ? "    {\n      " : "{").utf8
                for (column, key) in keys.enumerated() {
                    if column > 0 { block += (document ? ",\n      " : ", ").utf8 }
                    block += "\"\(key)\": ".utf8
                    rows.append(point, x: x, column: column, as: .json, to: &block)
                }
                block += (document ? "\n    }" : "}\n").utf8
                first = false
            case .table:
                break
            }
        }
        try emit(block)
    }

    /// Writes what comes after the rows: the aligned table, or the JSON document's end.
    mutating func end() throws {
        switch output {
        case .table where !streaming:
            let header = rows.columns.compactMap(\.table)
            let style = console.textStyle
            try emit(
                ASCIIText.forLocale(
                    Table.render([header] + kept, title: rows.title, unicode: style.unicode)
                        + rows.footer(keptPoints), unicode: style.unicode))
        case .json:
            try emit("\n  ]\n}\n")
        default:
            break
        }
    }

    /// Keeps a block of a table, or (for the second block of a streaming one) writes what was
    /// kept and this block in fixed widths.
    private mutating func table(_ xs: [Double], _ points: [Rows.Point]) throws {
        let columns = rows.columns.indices.filter { rows.columns[$0].table != nil }
        var cell: [UInt8] = []
        func text(_ x: Double, _ point: Rows.Point, _ column: Int) -> [UInt8] {
            cell.removeAll(keepingCapacity: true)
            rows.append(point, x: x, column: column, as: .table, to: &cell)
            return cell
        }
        if !streaming {
            kept += zip(xs, points).map { x, point in
                columns.map { String(decoding: text(x, point, $0), as: UTF8.self) }
            }
            keptPoints += points
            guard rows.tableStreams, kept.count > xs.count else { return }
            // A second block: from here on the table streams, starting with what was kept.
            streaming = true
            var header: [UInt8] = []
            for (name, width) in zip(columns.compactMap { rows.columns[$0].table }, rows.streamedWidths) {
                Self.pad(Array(name.utf8), width: width, into: &header)
            }
            try emit(ASCIIText.forLocale(rows.title, unicode: console.environment.unicode) + "\n")
            try emit(header + [UInt8(ascii: "\n")])
            try emit(kept.dropLast(xs.count).map(fixed).joined())
            kept = []
            keptPoints = []
        }
        var block: [UInt8] = []
        for (x, point) in zip(xs, points) {
            for (k, column) in columns.enumerated() {
                Self.pad(text(x, point, column), width: rows.streamedWidths[k], into: &block)
            }
            block.append(UInt8(ascii: "\n"))
        }
        try emit(block)
    }

    /// A kept row in the fixed widths of a streaming table.
    private func fixed(_ row: [String]) -> String {
        var block: [UInt8] = []
        for (cell, width) in zip(row, rows.streamedWidths) {
            Self.pad(Array(cell.utf8), width: width, into: &block)
        }
        return String(decoding: block, as: UTF8.self) + "\n"
    }

    /// A cell right-aligned in `width` columns.
    private static func pad(_ cell: [UInt8], width: Int, into block: inout [UInt8]) {
        for _ in 0..<max(0, width - cell.count) { block.append(UInt8(ascii: " ")) }
        block.append(contentsOf: cell)
    }

    private mutating func emit(_ string: String) throws {
        try console.write(string)
    }

    private mutating func emit(_ bytes: [UInt8]) throws {
        bytes.withUnsafeBytes { console.output.write($0) }
        try console.output.check()
    }
}
