import ActivationCore

/// `actplot check`'s answer: a kernel's dump against the correctly rounded values, overall and by
/// region, for f and f′, with the events counted apart, the worst rows and the verdict.
///
/// JSON members: `function`, `format`, `against` (`exact`, the table's path, or
/// `framework:torch`), `rows`,
/// `coverage`, `verdict` (`pass` or `fail`), `reasons` (why it failed), `bounds` (`f`, `df` in
/// ulps), and `f` and `df` (null when no derivatives were given), each with `regions` (by key:
/// `all`, `negative`, `near_zero`, `positive`, `subnormal`, `saturated`, `non_finite`; each
/// `rows`, `bit_exact`, `measured`, `max_ulp`, `mean_ulp`, `p99_ulp`, `max_relative`,
/// `mean_relative`, `false_zeros`, `non_finite_mismatches`, `zero_sign_mismatches`, `flushed`,
/// `flushed_x` ([min, max] or null), `monotonicity_violations`, `uncertain`) and `worst` (rows of
/// `x_bits`, `x`, `y_bits`, `y`, `expected_bits`, `expected`, `ulps`).
struct CheckReport: Report {
    let function: String
    let format: NumberFormat
    /// `the correctly rounded values`, or the table's path.
    let against: String?
    /// The framework whose results are the reference (`check --arith framework`), if any.
    var framework: Framework?
    let outcome: CheckRun.Outcome
    let bounds: (value: Double, derivative: Double)
    let ignoreZeroSign: Bool

    /// Why the check fails; empty when it passes.
    var failures: [String] {
        var reasons: [String] = []
        for (name, part, bound, option) in parts {
            let all = part.regions[CheckRegion.all.rawValue]
            if all.maxUlps > bound {
                reasons.append(
                    "\(name) max \(Self.number(all.maxUlps)) ulp > \(Self.number(bound)) (\(option))")
            }
            if all.nonFinite > 0 { reasons.append("\(name): \(all.nonFinite) non-finite mismatches") }
            if all.zeroSign > 0 && !ignoreZeroSign {
                reasons.append(
                    "\(name): \(all.zeroSign) sign-of-zero mismatches (--ignore-zero-sign accepts them)")
            }
        }
        return reasons
    }

    /// f's and f′'s parts with their names, bounds and options.
    private var parts: [(String, CheckRun.Part, Double, String)] {
        [("f", outcome.value, bounds.value, "--max-ulp")]
            + (outcome.derivative.map { [("f′", $0, bounds.derivative, "--max-ulp-derivative")] } ?? [])
    }

    /// The one line a CI log shows: `PASS gelu bfloat16: 65536 rows (every bit pattern); f max
    /// 0.5 ulp ≤ 2`.
    var summary: String {
        let failing = failures
        var line = (failing.isEmpty ? "PASS " : "FAIL ") + "\(function) \(format.name): \(outcome.rows) rows"
        line += outcome.coverage == .partial ? "" : " (\(outcome.coverage.rawValue))"
        if !failing.isEmpty { return line + "; " + failing.joined(separator: "; ") }
        for (name, part, bound, _) in parts {
            line += "; \(name) max \(Self.number(part.regions[0].maxUlps)) ulp ≤ \(Self.number(bound))"
        }
        return line
    }

    func text(in style: TextStyle) -> String {
        let reference =
            framework.map { "what \($0.rawValue) returns on CPU (--arith framework)" } ?? against
            ?? "the correctly rounded values"
        var out = "check \(function) in \(format.name) against \(reference): "
        out += "\(outcome.rows) rows, \(outcome.coverage.rawValue)\n"
        let t = framework.map { "\($0.rawValue)'s" } ?? (against == nil ? "the exact" : "the table's")
        out += "errors in ulps of \(format.name), |y − t| / ulp(t) from \(t) t\n"
        for (name, part, _, _) in parts {
            out += "\n" + partText(name, part, style)
        }
        if let explanation = outcome.explanation { out += explanationText(explanation, style) }
        out +=
            "\n"
            + (failures.isEmpty
                ? "verdict: pass\n" : "verdict: FAIL: " + failures.joined(separator: "; ") + "\n")
        return style.unicode ? out : ASCIIText.fallback(out)
    }

    /// The table, events and worst rows of f or f′.
    private func partText(_ name: String, _ part: CheckRun.Part, _ style: TextStyle) -> String {
        var rows = [[name, "rows", "bit-exact", "max ulp", "mean ulp", "p99 ulp", "max rel", "mean rel"]]
        for region in CheckRegion.allCases {
            let s = part.regions[region.rawValue]
            guard s.rows > 0 else { continue }
            rows.append([
                region.name(unicode: style.unicode), "\(s.rows)",
                Self.number(100 * Double(s.bitExact) / Double(s.rows), digits: 4) + " %",
                Self.number(s.maxUlps), Self.number(s.meanUlps), Self.number(s.percentile(0.99)),
                Self.scientific(s.maxRelative), Self.scientific(s.meanRelative),
            ])
        }
        var out = Table.render(rows, title: nil, alignments: [.left], style: style)
        out += events(name, part.regions[0])
        if !part.worst.rows.isEmpty {
            out += "worst \(name):\n"
            let digits = (format.bitWidth + 3) / 4
            out += Table.render(
                part.worst.rows.map { row in
                    [
                        "x \(TableRun.hex(row.xBits, digits: digits)) (\(DecimalText.shortest(row.x)))",
                        "y \(TableRun.hex(row.yBits, digits: digits)) (\(DecimalText.shortest(row.y)))",
                        "expected \(TableRun.hex(row.expectedBits, digits: digits)) (\(DecimalText.shortest(row.expected)))",
                        row.ulps.isFinite ? "\(Self.number(row.ulps)) ulp" : "non-finite",
                    ]
                }, title: nil, alignments: [.left, .left, .left], indent: "  ", style: style)
        }
        return out
    }

    /// The events of f or f′, one line each where there are any.
    private func events(_ name: String, _ s: ErrorSummary) -> String {
        var lines: [String] = []
        if s.falseZeros > 0 { lines.append("\(s.falseZeros) zeros where the true value is a normal number") }
        if s.nonFinite > 0 {
            lines.append("\(s.nonFinite) non-finite mismatches (NaN or ±∞ on one side only)")
        }
        if s.zeroSign > 0 { lines.append("\(s.zeroSign) sign-of-zero mismatches") }
        if s.flushed > 0 {
            lines.append(
                "\(s.flushed) subnormals flushed to zero, x from \(DecimalText.shortest(s.flushedFrom)) to "
                    + DecimalText.shortest(s.flushedTo))
        }
        if s.monotonicity > 0 {
            lines.append("\(s.monotonicity) monotonicity violations (between consecutive rows)")
        }
        if s.uncertain > 0 {
            lines.append("\(s.uncertain) correctly rounded values uncertain in the last bit")
        }
        return lines.map { "\(name): \($0)\n" }.joined()
    }

    var json: JSONValue {
        .object([
            ("function", .string(function)), ("format", .string(format.name)),
            ("against", .string(framework.map { "framework:\($0.rawValue)" } ?? against ?? "exact")),
            ("rows", .number(Double(outcome.rows))),
            ("coverage", .string(outcome.coverage.rawValue)),
            ("verdict", .string(failures.isEmpty ? "pass" : "fail")),
            ("reasons", .array(failures.map(JSONValue.string))),
            ("bounds", .object([("f", .number(bounds.value)), ("df", .number(bounds.derivative))])),
            ("f", partJSON(outcome.value)), ("df", outcome.derivative.map(partJSON) ?? .null),
            ("explain", outcome.explanation.map(explanationJSON) ?? .null),
        ])
    }

    /// A part's regions and worst rows as JSON.
    private func partJSON(_ part: CheckRun.Part) -> JSONValue {
        let regions = CheckRegion.allCases.map { region -> (String, JSONValue) in
            let s = part.regions[region.rawValue]
            let count = { (n: Int) in JSONValue.number(Double(n)) }
            return (
                region.key,
                .object([
                    ("rows", count(s.rows)), ("bit_exact", count(s.bitExact)),
                    ("measured", count(s.measured)),
                    ("max_ulp", .number(s.maxUlps)), ("mean_ulp", .number(s.meanUlps)),
                    ("p99_ulp", .number(s.percentile(0.99))), ("max_relative", .number(s.maxRelative)),
                    ("mean_relative", .number(s.meanRelative)), ("false_zeros", count(s.falseZeros)),
                    ("non_finite_mismatches", count(s.nonFinite)),
                    ("zero_sign_mismatches", count(s.zeroSign)),
                    ("flushed", count(s.flushed)),
                    (
                        "flushed_x",
                        s.flushed == 0 ? .null : .array([.number(s.flushedFrom), .number(s.flushedTo)])
                    ),
                    ("monotonicity_violations", count(s.monotonicity)), ("uncertain", count(s.uncertain)),
                ])
            )
        }
        let worst = part.worst.rows.map { row in
            JSONValue.object([
                ("x_bits", .number(Double(row.xBits))), ("x", .number(row.x)),
                ("y_bits", .number(Double(row.yBits))),
                ("y", .number(row.y)), ("expected_bits", .number(Double(row.expectedBits))),
                ("expected", .number(row.expected)), ("ulps", .number(row.ulps)),
            ])
        }
        return .object([("regions", .object(regions)), ("worst", .array(worst))])
    }

    /// A number in at most `digits` significant digits.
    static func number(_ v: Double, digits: Int = 3) -> String {
        guard v.isFinite else { return v > 0 ? "∞" : "−∞" }
        return v == 0 ? "0" : NumberText.format(v, significantDigits: digits)
    }

    /// A relative error in two significant digits.
    static func scientific(_ v: Double) -> String { number(v, digits: 2) }
}
