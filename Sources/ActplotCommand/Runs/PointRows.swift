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
/// ulps of the format against the true values.
///
/// ```
/// gelu in bfloat16, exact: the true f and f′ at the rounded input, each rounded once
///    x   x in bfloat16       f(x)   bits     ulps      f'(x)   bits     ulps
///   -8              -8         -0   0x8000   0        -0       0x8000   0.41
/// ```
struct FormatRows: PointRows {
    let evaluation: FormatEvaluation

    var columns: [PointColumn] {
        let name = evaluation.format.shortName
        let table: [String: String] = [
            "x": "x", "input": "x in \(name)", "value": "f(x)", "value_bits": "bits", "value_ulps": "ulps",
            "derivative": "f'(x)", "derivative_bits": "bits", "derivative_ulps": "ulps",
        ]
        return [
            "x", "input", "input_bits", "value", "value_bits", "value_ulps", "derivative", "derivative_bits",
            "derivative_ulps", "exact_value", "exact_derivative", "certain",
        ].map { PointColumn(key: $0, csv: $0, table: table[$0]) }
    }

    /// What the arithmetic is, in one line.
    var title: String {
        let e = evaluation
        let how =
            e.arithmetic != .exact && e.formula == nil
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
        ]
    }

    var tableStreams: Bool { false }
    var streamedWidths: [Int] { [] }

    func points(at xs: [Double]) -> [FormatPoint] { xs.map(evaluation.evaluate(at:)) }

    func append(_ p: FormatPoint, x: Double, column: Int, as output: PointCell, to bytes: inout [UInt8]) {
        let format = evaluation.format
        let quoted = output == .json
        func text(_ s: String) { bytes += (quoted ? "\"\(s)\"" : s).utf8 }
        func number(_ v: Double) { PointRowsText.shortest(v, quoted: quoted, to: &bytes) }
        func ulps(_ v: Double) { output == .table ? text(SurveyReport.ulps(v)) : number(v) }
        switch column {
        case 0: number(x)
        case 1: number(p.input)
        case 2: text(hex(p.input))
        case 3: number(p.value)
        case 4: text(hex(p.value))
        case 5: ulps(format.ulpError(p.value, exact: p.exactValue))
        case 6: number(p.derivative)
        case 7: text(hex(p.derivative))
        case 8: ulps(format.ulpError(p.derivative, exact: p.exactDerivative))
        case 9: number(p.exactValue)
        case 10: number(p.exactDerivative)
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
    func footer(_ points: [FormatPoint]) -> String {
        var out = ""
        if points.contains(where: { !$0.certain }) {
            out += "  uncertain: within a few float64 ulps of a rounding boundary; the last bit may be off\n"
        }
        if let formula = evaluation.formula, evaluation.usesFormula {
            out += "  f = \(formula.value)\n"
            out += "  f′ = \(formula.derivativeText)\n"
        }
        return out
            + "  ulps: |computed − true| in units of the format's spacing at the true value (at the rounded x)\n"
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
