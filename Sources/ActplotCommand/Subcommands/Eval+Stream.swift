import ActivationCore
import ActivationPlot
import ArgumentParser

/// Numbers read from a file or standard input in blocks: split at spaces, tabs, commas and
/// line ends, each with the line and column where it starts, in constant memory.
struct PointReader {
    /// The bytes read per `read(2)`.
    static let chunkSize = 1 << 16

    private let descriptor: Int32
    private let path: String
    /// The input as errors name it: `standard input` or `'xs.txt'`.
    let name: String
    private var chunk = [UInt8](repeating: 0, count: PointReader.chunkSize)
    private var pending: [UInt8] = []
    private var start = (line: 1, column: 1)
    private var position = (line: 1, column: 1)
    private(set) var finished = false

    /// Opens `path`, or standard input for "-".
    init(path: String) throws {
        guard let descriptor = POSIX.openForReading(path) else {
            throw OutputError.read(path, POSIX.lastError)
        }
        self.descriptor = descriptor
        self.path = path
        name = path == "-" ? "standard input" : "'\(path)'"
    }

    /// Up to `count` more numbers, appended to `points`; fewer only at the end of the input.
    mutating func read(_ count: Int, into points: inout [Double]) throws {
        let target = points.count + count
        while points.count < target && !finished {
            let read = try fill()
            if read == 0 {
                try flush(into: &points)
                finished = true
                return
            }
            for index in 0..<read {
                let byte = chunk[index]
                switch byte {
                case 0x20, 0x09, 0x2C, 0x0D:
                    try flush(into: &points)
                    position.column += 1
                case 0x0A:
                    try flush(into: &points)
                    position = (position.line + 1, 1)
                default:
                    if pending.isEmpty { start = position }
                    pending.append(byte)
                    position.column += 1
                    if pending.count > 400 { throw error(String(decoding: pending, as: UTF8.self)) }
                }
            }
        }
    }

    private mutating func fill() throws -> Int {
        switch POSIX.read(descriptor, into: &chunk) {
        case .success(let count): return count
        case .failure(let failure): throw OutputError.read(path, failure.reason)
        }
    }

    /// The pending token as a number, read as `Double(String)` reads it (C-locale strtod, so
    /// hexadecimal, inf and nan too) straight from its bytes.
    private mutating func flush(into points: inout [Double]) throws {
        guard !pending.isEmpty else { return }
        let value = POSIX.double(reading: &pending)
        guard let value else { throw error(String(decoding: pending, as: UTF8.self)) }
        pending.removeAll(keepingCapacity: true)
        points.append(value)
    }

    private func error(_ text: String) -> ValidationError {
        ValidationError(
            "'\(text)' at line \(start.line), column \(start.column) of \(name) is not a number "
                + "(examples: -1, 0.5, 1e-3, 0x1p-10, inf)")
    }

    /// Closes a file (not standard input).
    func close() {
        if descriptor != 0 { POSIX.close(descriptor) }
    }
}

extension Actplot.Eval {
    /// How many points are evaluated and written together when streaming.
    static let streamBlock = 4096

    /// Evaluates the points of a file or of standard input block by block: the whole table
    /// (aligned, as for typed points) when they fit in the first block, else a stream.
    func runStream(_ f: Activation, path: String, in evaluation: FormatEvaluation?) throws {
        var reader = try PointReader(path: path)
        defer { reader.close() }
        var xs: [Double] = []
        try reader.read(Self.streamBlock, into: &xs)
        if xs.isEmpty {
            throw ValidationError("\(reader.name) holds no points; give numbers such as -1 0 1")
        }
        let format = try streamFormat()
        if let evaluation {
            // A table or a JSON document needs every point; CSV and JSON lines go block by block.
            var header = true
            while !xs.isEmpty {
                if format == .table || format == .json {
                    try reader.read(Int.max - xs.count, into: &xs)
                }
                try writeFormatted(evaluation, xs, header: header)
                header = false
                xs.removeAll(keepingCapacity: true)
                try reader.read(Self.streamBlock, into: &xs)
            }
            return
        }
        if reader.finished && (format == .table || format == .json) {
            let jets = xs.map { f.jet(at: $0) }
            try format == .json
                ? writeToStandardOutput(pointsJSON(f, xs, jets)) : writeText(pointsTable(f, xs, jets))
            return
        }
        var writer = StreamWriter(function: f, format: format, numbers: numbers)
        try writer.begin()
        while !xs.isEmpty {
            let (values, derivatives, curvatures) = f.jets(xs)
            try writer.write(xs, values, derivatives, curvatures)
            xs.removeAll(keepingCapacity: true)
            try reader.read(Self.streamBlock, into: &xs)
        }
        try writer.end()
    }

    /// Points in a narrow format, in eval's output format; `header` for the first block of CSV.
    func writeFormatted(_ e: FormatEvaluation, _ xs: [Double], header: Bool) throws {
        let points = xs.map(e.evaluate(at:))
        switch try streamFormat() {
        case .json: try writeToStandardOutput(FormatReport.json(e, xs, points))
        case .table: try writeText(FormatReport.table(e, xs, points))
        case .csv:
            try writeToStandardOutput(
                (header ? FormatReport.csvHeader : "") + FormatReport.lines(e, xs, points, csv: true))
        case .jsonl: try writeToStandardOutput(FormatReport.lines(e, xs, points, csv: false))
        }
    }

    /// The output format of eval: `--format`, or JSON for `--json`.
    func streamFormat() throws -> StreamWriter.Format {
        guard let format else { return numbers.json ? .json : .table }
        guard let known = StreamWriter.Format(rawValue: format.lowercased()), known != .json else {
            throw ValidationError("'--format' of eval must be table, csv or jsonl, got '\(format)'")
        }
        if numbers.json {
            throw ValidationError("give '--json' or '--format \(format)', not both")
        }
        return known
    }
}

/// Rows of eval written as they come: a table with fixed column widths, CSV, JSON lines, or
/// one JSON object whose points array is written point by point.
struct StreamWriter {
    /// The formats.
    enum Format: String {
        case table, csv, jsonl, json
    }

    let function: Activation
    let format: Format
    let numbers: NumberOutputOptions
    private let text: (Double) -> String
    /// `--precision`, read once: the property wrapper's getter per number costs more than the number.
    private let precision: Int?
    private var first = true
    private var out = FileDescriptorStream(descriptor: 1)

    init(function: Activation, format: Format, numbers: NumberOutputOptions) {
        self.function = function
        self.format = format
        self.numbers = numbers
        text = numbers.textFormat
        precision = numbers.precision
    }

    /// The width of the f, f′ and f″ columns of a streamed table: the longest number they can
    /// print (x is always shortest, up to 24 characters).
    private var width: Int { precision.map { $0 + 7 } ?? 24 }

    mutating func begin() throws {
        switch format {
        case .table:
            let header = zip(["x", "f(x)", "f'(x)", "f''(x)"], [24, width, width, width]).map {
                String(repeating: " ", count: $1 - $0.count) + $0
            }
            try emit(Describe.title(function) + "\n" + header.joined(separator: "   ") + "\n")
        case .csv:
            let names = ["", "'", "''"].map { CSVTable.field(function.name + $0) }
            try emit("x," + names.joined(separator: ",") + "\n")
        case .jsonl:
            break
        case .json:
            let header = JSONValue.object(Describe.header(function) + [("points", .array([]))]).text()
            // Everything before the empty array's "[]\n}", then "[" and the points one by one.
            try emit(String(header.dropLast(4)) + "[\n")
        }
    }

    mutating func write(_ xs: [Double], _ values: [Double], _ derivatives: [Double], _ curvatures: [Double])
        throws
    {
        var block: [UInt8] = []
        block.reserveCapacity(xs.count * (format == .json ? 180 : 110))
        var cell: [UInt8] = []
        cell.reserveCapacity(32)
        let width = self.width
        let (jsonKeys, lineKeys) = (
            [",\n      \"value\": ", ",\n      \"derivative\": ", ",\n      \"second_derivative\": "],
            [", \"value\": ", ", \"derivative\": ", ", \"second_derivative\": "]
        )
        for i in xs.indices {
            let row = [values[i], derivatives[i], curvatures[i]]
            switch format {
            case .table:
                cell.removeAll(keepingCapacity: true)
                DecimalText.append(xs[i], to: &cell)
                Self.pad(cell, width: 24, into: &block)
                for v in row {
                    cell.removeAll(keepingCapacity: true)
                    if precision == nil { DecimalText.append(v, to: &cell) } else { cell += text(v).utf8 }
                    Self.pad(cell, width: width + 3, into: &block)
                }
            case .csv:
                DecimalText.append(xs[i], to: &block)
                for v in row {
                    block.append(UInt8(ascii: ","))
                    number(v, to: &block, json: false)
                }
            case .jsonl, .json:
                if format == .json && !first { block += ",\n".utf8 }
                block += (format == .json ? "    {\n      \"x\": " : "{\"x\": ").utf8
                shortest(xs[i], to: &block, json: true)
                for (key, v) in zip(format == .json ? jsonKeys : lineKeys, row) {
                    block += key.utf8
                    number(v, to: &block, json: true)
                }
                block += (format == .json ? "\n    }" : "}").utf8
                first = false
            }
            if format != .json { block.append(UInt8(ascii: "\n")) }
        }
        try emit(block)
    }

    /// A cell right-aligned in `width` columns.
    private static func pad(_ cell: [UInt8], width: Int, into block: inout [UInt8]) {
        for _ in 0..<max(0, width - cell.count) { block.append(UInt8(ascii: " ")) }
        block.append(contentsOf: cell)
    }

    /// x as typed (shortest), in quotes for JSON when it is not finite.
    private func shortest(_ x: Double, to block: inout [UInt8], json: Bool) {
        if json && !x.isFinite { block.append(UInt8(ascii: "\"")) }
        DecimalText.append(x, to: &block)
        if json && !x.isFinite { block.append(UInt8(ascii: "\"")) }
    }

    /// f, f′ or f″: shortest, or to --precision digits; in quotes for JSON when not finite.
    private func number(_ v: Double, to block: inout [UInt8], json: Bool) {
        guard precision != nil else { return shortest(v, to: &block, json: json) }
        if json && !v.isFinite { block.append(UInt8(ascii: "\"")) }
        block += text(v).utf8
        if json && !v.isFinite { block.append(UInt8(ascii: "\"")) }
    }

    mutating func end() throws {
        if format == .json { try emit("\n  ]\n}\n") }
    }

    private mutating func emit(_ string: String) throws {
        try emit(Array(string.utf8))
    }

    private mutating func emit(_ bytes: [UInt8]) throws {
        bytes.withUnsafeBytes { out.write($0) }
        if let reason = out.failed { throw OutputError.write(reason) }
    }
}
