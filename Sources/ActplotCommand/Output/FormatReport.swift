import ActivationCore
import ActivationPlot

/// eval's output with `--dtype`: each point as the format computes it, with its bits and its
/// error in ulps of the format.
///
/// ```
/// gelu in bfloat16, exact: the true f and f′ at the rounded input, each rounded once
///    x   x in bfloat16       f(x)   bits     ulps      f'(x)   bits     ulps
///   -8              -8         -0   0x8000   0        -0       0x8000   0.41
/// ```
enum FormatReport {
    /// What the arithmetic is, in one line.
    static func describe(_ e: FormatEvaluation) -> String {
        let how: String
        switch e.arithmetic {
        case .exact: how = "exact: the true f and f′ at the rounded input, each rounded once"
        case _ where e.formula == nil:
            how = "\(e.arithmetic.rawValue): no textbook formula in the catalog, so computed exactly"
        case .naive: how = "naive: textbook formulas, every operation rounded to \(e.format.name)"
        case .opmath: how = "opmath: textbook formulas in float32, input and output in \(e.format.name)"
        }
        return "\(e.function.name) in \(e.format), \(how)"
    }

    /// A textbook f′ as written, or how a typed formula's is computed.
    static func derivativeText(_ formula: NaiveFormula) -> String {
        formula.derivative ?? "forward-mode differentiation, every operation rounded"
    }

    /// A value's bits in hex, as wide as the format.
    static func hex(_ e: FormatEvaluation, _ v: Double) -> String {
        let digits = (e.format.bitWidth + 3) / 4
        let text = String(e.format.bits(of: v), radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
    }

    /// An error in ulps, to 2 decimals (`∞` where one side is not finite).
    static func ulps(_ error: Double) -> String {
        error.isInfinite ? "∞" : error == 0 ? "0" : NumberText.format(error, significantDigits: 3)
    }

    /// The table: one row per point.
    static func table(_ e: FormatEvaluation, _ xs: [Double], _ points: [FormatPoint]) -> String {
        let name = e.format.shortName
        var rows = [["x", "x in \(name)", "f(x)", "bits", "ulps", "f'(x)", "bits", "ulps"]]
        for (x, p) in zip(xs, points) {
            rows.append([
                DecimalText.shortest(x), DecimalText.shortest(p.input),
                DecimalText.shortest(p.value), hex(e, p.value),
                ulps(e.format.ulpError(p.value, exact: p.exactValue)),
                DecimalText.shortest(p.derivative), hex(e, p.derivative),
                ulps(e.format.ulpError(p.derivative, exact: p.exactDerivative)),
            ])
        }
        var out = Table.render(rows, title: describe(e))
        if points.contains(where: { !$0.certain }) {
            out += "  uncertain: within a few float64 ulps of a rounding boundary; the last bit may be off\n"
        }
        if let formula = e.formula, e.usesFormula {
            out += "  f = \(formula.value)\n"
            out += "  f′ = \(derivativeText(formula))\n"
        }
        out +=
            "  ulps: |computed − true| in units of the format's spacing at the true value (at the rounded x)\n"
        return out
    }

    /// One point's fields, in the order of the JSON members and the CSV columns.
    static func fields(_ e: FormatEvaluation, _ x: Double, _ p: FormatPoint) -> [(String, JSONValue)] {
        let value = { (v: Double) in JSONValue.number(v) }
        return [
            ("x", .number(x)), ("input", value(p.input)), ("input_bits", .string(hex(e, p.input))),
            ("value", value(p.value)), ("value_bits", .string(hex(e, p.value))),
            ("value_ulps", value(e.format.ulpError(p.value, exact: p.exactValue))),
            ("derivative", value(p.derivative)), ("derivative_bits", .string(hex(e, p.derivative))),
            ("derivative_ulps", value(e.format.ulpError(p.derivative, exact: p.exactDerivative))),
            ("exact_value", value(p.exactValue)), ("exact_derivative", value(p.exactDerivative)),
            ("certain", .bool(p.certain)),
        ]
    }

    /// The CSV header: the names of ``fields(_:_:_:)``.
    static let csvHeader =
        "x,input,input_bits,value,value_bits,value_ulps,derivative,derivative_bits,derivative_ulps,"
        + "exact_value,exact_derivative,certain\n"

    /// Points as CSV rows (numbers shortest, inf and nan bare) or JSON lines.
    static func lines(_ e: FormatEvaluation, _ xs: [Double], _ points: [FormatPoint], csv: Bool) -> String {
        var out = ""
        for (x, p) in zip(xs, points) {
            let fields = fields(e, x, p)
            if csv {
                out += fields.map { _, v in Self.cell(v) }.joined(separator: ",") + "\n"
            } else {
                out += JSONValue.object(fields).text(indent: 0) + "\n"
            }
        }
        return out
    }

    /// A CSV cell: a number in shortest form, a string or a boolean as is.
    private static func cell(_ v: JSONValue) -> String {
        switch v {
        case .number(let n): return DecimalText.shortest(n)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        default: return ""
        }
    }

    /// The JSON document: the header, the format and arithmetic, and every point with bits.
    static func json(_ e: FormatEvaluation, _ xs: [Double], _ points: [FormatPoint]) -> String {
        let rows: [JSONValue] = zip(xs, points).map { x, p in .object(fields(e, x, p)) }
        var members = Describe.header(e.function)
        members += [
            ("dtype", .string(e.format.name)), ("arith", .string(e.arithmetic.rawValue)),
            ("overflow", .string(e.format.overflow.rawValue)), ("ftz", .bool(e.format.flushesSubnormals)),
            ("formula", e.usesFormula ? .string(e.formula?.value ?? "") : .null),
            ("points", .array(rows)),
        ]
        return JSONValue.object(members).text() + "\n"
    }
}
