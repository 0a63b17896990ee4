import ActivationCore

/// What eval prints for each point: its columns, how each cell is written in each output, and
/// what a table or a JSON document says around the rows.
///
/// ``JetRows`` are f, f′ and f″ in float64; ``FormatRows`` a narrow format's values with their
/// bits and errors. ``PointWriter`` writes either in every output.
protocol PointRows {
    /// What one row is computed from.
    associatedtype Point
    /// The columns, in order.
    var columns: [PointColumn] { get }
    /// The line above a table.
    var title: String { get }
    /// The JSON members before `points` in a JSON document.
    var documentMembers: [(String, JSONValue)] { get }
    /// Whether a long table may be written as it comes, in fixed widths (else it is kept
    /// whole and aligned).
    var tableStreams: Bool { get }
    /// The fixed width of each table column when the table streams.
    var streamedWidths: [Int] { get }
    /// The points at given x.
    func points(at xs: [Double]) -> [Point]
    /// Writes a cell.
    func append(_ point: Point, x: Double, column: Int, as output: PointCell, to bytes: inout [UInt8])
    /// The lines under a table, from every point written.
    func footer(_ points: [Point]) -> String
}

/// A column of eval's output under its names in each output.
struct PointColumn {
    /// The JSON member.
    let key: String
    /// The CSV header field, before quoting.
    let csv: String
    /// The table header, or nil when tables leave the column out.
    let table: String?
}

/// How a cell is written.
enum PointCell {
    /// Shortest text (or to --precision digits); inf and nan bare.
    case csv
    /// As JSON: numbers shortest, non-finite in quotes, strings quoted.
    case json
    /// For people: as CSV, but errors in ulps to 3 digits.
    case table
}

/// f, f′ and f″ of a function in float64: `x,gelu,gelu',gelu''`.
struct JetRows: PointRows {
    let function: Activation
    /// Significant digits of f, f′ and f″, or nil for shortest text.
    let precision: Int?

    var columns: [PointColumn] {
        let name = function.name
        return [
            PointColumn(key: "x", csv: "x", table: "x"), PointColumn(key: "value", csv: name, table: "f(x)"),
            PointColumn(key: "derivative", csv: name + "'", table: "f'(x)"),
            PointColumn(key: "second_derivative", csv: name + "''", table: "f''(x)"),
        ]
    }

    var title: String { FunctionDescription(function).title }
    var documentMembers: [(String, JSONValue)] { FunctionDescription(function).header }
    var tableStreams: Bool { true }
    /// x is always shortest, up to 24 characters; f, f′ and f″ as long as --precision makes them.
    var streamedWidths: [Int] {
        let width = precision.map { $0 + 7 } ?? 24
        return [24, width + 3, width + 3, width + 3]
    }

    func points(at xs: [Double]) -> [Jet] {
        let (values, derivatives, curvatures) = function.jets(xs)
        return xs.indices.map {
            Jet(value: values[$0], derivative: derivatives[$0], secondDerivative: curvatures[$0])
        }
    }

    func append(_ jet: Jet, x: Double, column: Int, as output: PointCell, to bytes: inout [UInt8]) {
        let quoted = output == .json
        switch column {
        case 0: PointRowsText.shortest(x, quoted: quoted, to: &bytes)
        case 1: number(jet.value, quoted: quoted, to: &bytes)
        case 2: number(jet.derivative, quoted: quoted, to: &bytes)
        default: number(jet.secondDerivative, quoted: quoted, to: &bytes)
        }
    }

    /// f, f′ or f″: shortest, or to --precision digits; in quotes for JSON when not finite.
    private func number(_ v: Double, quoted: Bool, to bytes: inout [UInt8]) {
        guard let precision else { return PointRowsText.shortest(v, quoted: quoted, to: &bytes) }
        let quote = quoted && !v.isFinite
        if quote { bytes.append(UInt8(ascii: "\"")) }
        bytes += NumberText.format(v, significantDigits: precision).utf8
        if quote { bytes.append(UInt8(ascii: "\"")) }
    }

    func footer(_ points: [Jet]) -> String { "" }
}

/// A narrow format's f and f′ at each point, with the rounded input, bit patterns and errors in
/// ulps of the format against the true values: ``JetRows``' columns (f, f′, f″ in float64 at
/// x), then the format's, so that `eval` writes one shape with or without `--dtype`.
///
/// ```
/// gelu in bfloat16, exact: the true f and f′ at the rounded input, each rounded once
///    x   x in bfloat16       f(x)   bits     ulps      f'(x)   bits     ulps
///   -8              -8         -0   0x8000   0        -0       0x8000   0.41
/// ```
struct FormatRows: PointRows {
    /// The float64 values at x and the format's at the rounded x.
    struct Point {
        let jet: Jet
        let format: FormatPoint
    }

    let evaluation: FormatEvaluation

    /// The float64 columns, which tables leave out, then the format's.
    var columns: [PointColumn] {
        let float64 = JetRows(function: evaluation.function, precision: nil).columns.dropFirst().map {
            PointColumn(key: $0.key, csv: $0.csv, table: nil)
        }
        let name = evaluation.format.shortName
        let table: [String: String] = [
            "input": "x in \(name)", "dtype_value": "f(x)", "dtype_value_bits": "bits",
            "dtype_value_ulps": "ulps",
            "dtype_derivative": "f'(x)", "dtype_derivative_bits": "bits", "dtype_derivative_ulps": "ulps",
        ]
        let format = [
            "input", "input_bits", "dtype_value", "dtype_value_bits", "dtype_value_ulps", "dtype_derivative",
            "dtype_derivative_bits", "dtype_derivative_ulps", "exact_value", "exact_derivative", "certain",
        ].map { PointColumn(key: $0, csv: $0, table: table[$0]) }
        return [PointColumn(key: "x", csv: "x", table: "x")] + float64 + format
    }

    /// What the arithmetic is, in one line.
    var title: String {
        let e = evaluation
        let how =
            e.arithmetic != .exact && e.formula == nil && e.kernel == nil
            ? "no textbook formula in the catalog, so computed exactly"
            : e.arithmetic.summary(in: e.format.name)
        return "\(e.function.name) in \(e.format), \(e.arithmetic.rawValue): \(how)"
    }

    var documentMembers: [(String, JSONValue)] {
        let e = evaluation
        return FunctionDescription(e.function).header + [
            ("dtype", .string(e.format.name)), ("arith", .string(e.arithmetic.rawValue)),
            ("overflow", .string(e.format.overflow.rawValue)), ("ftz", .bool(e.format.flushesSubnormals)),
            ("formula", e.usesFormula ? .string(e.formula?.value ?? "") : .null),
            ("kernel", e.kernel.map { .array($0.description.map(JSONValue.string)) } ?? .null),
        ]
    }

    var tableStreams: Bool { false }
    var streamedWidths: [Int] { [] }

    func points(at xs: [Double]) -> [Point] {
        let jets = JetRows(function: evaluation.function, precision: nil).points(at: xs)
        return zip(jets, xs).map { Point(jet: $0, format: evaluation.evaluate(at: $1)) }
    }

    func append(_ point: Point, x: Double, column: Int, as output: PointCell, to bytes: inout [UInt8]) {
        let (format, p) = (evaluation.format, point.format)
        let quoted = output == .json
        func text(_ s: String) { bytes += (quoted ? "\"\(s)\"" : s).utf8 }
        func number(_ v: Double) { PointRowsText.shortest(v, quoted: quoted, to: &bytes) }
        func ulps(_ v: Double) { output == .table ? text(SurveyReport.ulps(v)) : number(v) }
        switch column {
        case 0: number(x)
        case 1: number(point.jet.value)
        case 2: number(point.jet.derivative)
        case 3: number(point.jet.secondDerivative)
        case 4: number(p.input)
        case 5: text(hex(p.input))
        case 6: number(p.value)
        case 7: text(hex(p.value))
        case 8: ulps(format.ulpError(p.value, exact: p.exactValue))
        case 9: number(p.derivative)
        case 10: text(hex(p.derivative))
        case 11: ulps(format.ulpError(p.derivative, exact: p.exactDerivative))
        case 12: number(p.exactValue)
        case 13: number(p.exactDerivative)
        default: bytes += (p.certain ? "true" : "false").utf8
        }
    }

    /// A value's bits in hex, as wide as the format.
    private func hex(_ v: Double) -> String {
        let format = evaluation.format
        let digits = (format.bitWidth + 3) / 4
        let text = String(format.bits(of: v), radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
    }

    /// Whether any point was uncertain, the textbook formulas used, and what ulps are.
    func footer(_ points: [Point]) -> String {
        var out = ""
        let uncertain = points.count { !$0.format.certain }
        if uncertain > 0 {
            let rows = "\(uncertain) of \(points.count) rows (false in the certain column of CSV and JSON)"
            out += "  uncertain: \(rows): \(Self.uncertainty(in: evaluation.format))\n"
        }
        if let formula = evaluation.formula, evaluation.usesFormula {
            out += "  f = \(formula.value)\n"
            out += "  f′ = \(formula.derivativeText)\n"
        }
        for line in evaluation.kernel?.description ?? [] { out += "  \(line)\n" }
        return out
            + "  ulps: |computed − true| in units of the format's spacing at the true value (at the rounded x)\n"
    }
}

extension FormatRows {
    /// Why a value may be uncertain in a format: in float64 every double is next to a rounding
    /// boundary, so only an evaluation beyond double precision decides.
    static func uncertainty(in format: NumberFormat) -> String {
        guard format.bitWidth < 64 else {
            return "the kernel's error bound (within 1 ulp, or beyond double precision where it has "
                + "such an evaluation) does not decide the rounding; the last bit may be off"
        }
        return "within a few float64 ulps of a rounding boundary; the last bit may be off"
    }
}

extension NaiveFormula {
    /// The textbook f′ as written, or how a typed formula's is computed.
    var derivativeText: String {
        derivative ?? "forward-mode differentiation, every operation rounded"
    }
}

/// Number text shared by the rows.
enum PointRowsText {
    /// x shortest, in quotes for JSON when it is not finite.
    static func shortest(_ x: Double, quoted: Bool, to bytes: inout [UInt8]) {
        let quote = quoted && !x.isFinite
        if quote { bytes.append(UInt8(ascii: "\"")) }
        DecimalText.append(x, to: &bytes)
        if quote { bytes.append(UInt8(ascii: "\"")) }
    }
}
