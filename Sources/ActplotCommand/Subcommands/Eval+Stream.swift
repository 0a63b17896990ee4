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
            for byte in chunk[..<read] { try take(byte, into: &points) }
            if read == 0 {
                try flush(into: &points)
                finished = true
            }
        }
    }

    private mutating func fill() throws -> Int {
        switch POSIX.read(descriptor, into: &chunk) {
        case .success(let count): return count
        case .failure(let failure): throw OutputError.read(path, failure.reason)
        }
    }

    private mutating func take(_ byte: UInt8, into points: inout [Double]) throws {
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
            guard pending.count <= 400 else { throw error(String(decoding: pending, as: UTF8.self)) }
        }
    }

    private mutating func flush(into points: inout [Double]) throws {
        guard !pending.isEmpty else { return }
        let text = String(decoding: pending, as: UTF8.self)
        pending.removeAll(keepingCapacity: true)
        guard let value = DecimalText.parse(text) else { throw error(text) }
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
    func runStream(_ f: Activation, path: String) throws {
        var reader = try PointReader(path: path)
        defer { reader.close() }
        var xs: [Double] = []
        try reader.read(Self.streamBlock, into: &xs)
        if xs.isEmpty {
            throw ValidationError("\(reader.name) holds no points; give numbers such as -1 0 1")
        }
        let format = try streamFormat()
        if reader.finished && (format == .table || format == .json) {
            let jets = xs.map { f.jet(at: $0) }
            try writeToStandardOutput(format == .json ? pointsJSON(f, xs, jets) : pointsTable(f, xs, jets))
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
    private let json: (Double) -> JSONValue
    private var first = true
    private var out = FileDescriptorStream(descriptor: 1)

    init(function: Activation, format: Format, numbers: NumberOutputOptions) {
        self.function = function
        self.format = format
        self.numbers = numbers
        text = numbers.textFormat
        json = numbers.jsonFormat
    }

    /// The width of every column of a streamed table: the longest number it can print.
    private var width: Int { numbers.precision.map { $0 + 7 } ?? 24 }

    mutating func begin() throws {
        switch format {
        case .table:
            let header = ["x", "f(x)", "f'(x)", "f''(x)"].map {
                String(repeating: " ", count: width - $0.count) + $0
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
        var block = ""
        block.reserveCapacity(xs.count * 100)
        for i in xs.indices {
            let (x, v, d, c) = (xs[i], values[i], derivatives[i], curvatures[i])
            switch format {
            case .table:
                let cells = [DecimalText.shortest(x), text(v), text(d), text(c)]
                block +=
                    cells.map { String(repeating: " ", count: max(0, width - $0.count)) + $0 }
                    .joined(separator: "   ") + "\n"
            case .csv:
                block += "\(DecimalText.shortest(x)),\(text(v)),\(text(d)),\(text(c))\n"
            case .jsonl:
                block += point(x, v, d, c).text(indent: 0) + "\n"
            case .json:
                let object = point(x, v, d, c).text().split(separator: "\n").map { "    " + $0 }
                block += (first ? "" : ",\n") + object.joined(separator: "\n")
                first = false
            }
        }
        try emit(block)
    }

    mutating func end() throws {
        if format == .json { try emit("\n  ]\n}\n") }
    }

    private func point(_ x: Double, _ v: Double, _ d: Double, _ c: Double) -> JSONValue {
        .object([
            ("x", .number(x)), ("value", json(v)), ("derivative", json(d)), ("second_derivative", json(c)),
        ])
    }

    private mutating func emit(_ string: String) throws {
        out.write(string)
        if let reason = out.failed { throw OutputError.write(reason) }
    }
}
