import ActivationCore
import ActivationPlot

/// The difference statistics of `actplot compare`, as text and as JSON.
///
/// Its JSON: `reference` (the first function's name), `range`, `samples`, and `comparisons`,
/// one per other function: `function`, `value` and `derivative` (each `max_abs`, `at`,
/// `mean_abs`, `rms`, `nonfinite`, and on a plateau `plateau` [from, to] and `plateaus`),
/// `corners`, `convention_differences` (each `x`,
/// `reference` and `function` as `value` and `derivative`, `left_derivative`,
/// `right_derivative`); with --dtype also `as_computed`: `dtype`, `arith` and `comparisons`
/// (each `function`, `inputs`, `value` and `derivative` as `differing`, `max_ulps`, `at`).
///
/// ```
/// gelu(approximate=tanh) against gelu over -5:5 (10001 points)
///                max |f - g|       at x    mean |f - g|           RMS
///   f             4.7324e-04    -2.7017      1.2345e-04    1.9e-04
///   f'            ...
/// ```
struct ComparisonReport: Report {
    let reference: (name: String, function: Activation)
    let comparisons: [(name: String, function: Activation, comparison: ActivationComparison)]
    let range: ClosedRange<Double>
    let samples: Int
    let precision: Int?
    /// Each function's N(0, 1) statistics, reference first (nil where they diverge), computed
    /// once: ``text`` is read twice, for ``lineCount`` and to print it.
    private let gaussian: [(name: String, statistics: GaussianStatistics?)]
    /// With --dtype: each function against the first as the format computes them.
    private let formatted: [(name: String, comparison: FormatComparison)]
    /// The format and arithmetic of ``formatted``.
    private let evaluation: FormatEvaluation?

    init(
        functions: [(name: String, function: Activation)], range: ClosedRange<Double>, samples: Int,
        precision: Int?, evaluations: [FormatEvaluation]? = nil
    ) {
        reference = functions[0]
        comparisons = functions.dropFirst().map {
            (
                $0.name, $0.function,
                ActivationComparison(functions[0].function, $0.function, over: range, samples: samples)
            )
        }
        self.range = range
        self.samples = samples
        self.precision = precision
        gaussian = functions.map { ($0.name, try? GaussianStatistics(of: $0.function)) }
        evaluation = evaluations?.first
        let grid = Array(Sampling(from: range.lowerBound, to: range.upperBound, count: samples))
        formatted =
            evaluations.map { e in
                zip(functions, e).dropFirst().map { item, g in
                    (item.name, FormatComparison(e[0], g, over: range, grid: grid))
                }
            } ?? []
    }

    /// The comparison as the format computes it (with --dtype), or "".
    private func formatTable(_ style: TextStyle) -> String {
        guard let e = evaluation, let first = formatted.first?.comparison else { return "" }
        let inputs =
            first.exhaustive
            ? "every \(e.format.shortName) input in the range (\(first.inputs))" : "\(first.inputs) points"
        var rows = [["", "differ", "max ulps", "at x"]]
        for (name, c) in formatted {
            for (label, d) in [("f", c.value), ("f'", c.derivative)] {
                rows.append([
                    "\(name) \(label)", String(d.differing),
                    d.differing == 0 ? "0" : SurveyReport.ulps(d.maximumUlps),
                    d.location.isNaN ? "-" : DecimalText.shortest(d.location),
                ])
            }
        }
        return
            "\nas computed in \(e.format) (\(e.arithmetic.rawValue)) against \(reference.name), \(inputs):\n"
            + Table.render(rows, title: nil, alignments: [.left], indent: "  ", style: style)
    }

    private func number(_ v: Double) -> String {
        NumberText.format(v, significantDigits: precision ?? 5)
    }

    /// The report as aligned text, one block per function.
    func text(in style: TextStyle) -> String {
        var out = ""
        let over = "\(DecimalText.shortest(range.lowerBound)):\(DecimalText.shortest(range.upperBound))"
        for (name, function, c) in comparisons {
            out += wrapped("\(name) against \(reference.name) over \(over) (\(samples) points)", style)
            if c.value.maximum == 0 && c.derivative.maximum == 0 && c.conventionCorners.isEmpty {
                out += "  identical: f and f' agree at every point\n"
                continue
            }
            out += table(c, style)
            if samples < 100 {
                out +=
                    "  only \(samples) points: the means and the places are rough; --samples 1000 or more for figures\n"
            }
            out += nonfiniteLines(c, name)
            if reference.function.entry.hasKinks || function.entry.hasKinks {
                if c.conventionCorners.isEmpty {
                    let list = c.corners.prefix(8).map(DecimalText.shortest).joined(separator: ", ")
                    out +=
                        c.corners.isEmpty
                        ? "  corners: none in the range\n"
                        : "  corners at \(list)\(c.corners.count > 8 ? ", ..." : ""): no convention differences\n"
                }
                for corner in c.conventionCorners {
                    var parts: [String] = []
                    if corner.first.value != corner.second.value {
                        parts.append("f = \(number(corner.first.value)) vs \(number(corner.second.value))")
                    }
                    if corner.first.derivative != corner.second.derivative {
                        parts.append(
                            "f' = \(number(corner.first.derivative)) vs \(number(corner.second.derivative))"
                                + " (left \(number(corner.sides.left)), right \(number(corner.sides.right)))")
                    }
                    out += wrapped(
                        "  corner at x = \(DecimalText.shortest(corner.x)): " + parts.joined(separator: ", ")
                            + " - different conventions", style)
                }
            }
        }
        out += "\n" + gaussianTable(style) + formatTable(style)
        return out
    }

    /// A line of text and its line end, broken at spaces to the terminal's width (continuation
    /// lines indented by four).
    private func wrapped(_ line: String, _ style: TextStyle) -> String {
        guard let width = style.width, line.count > width, width > 8 else {
            return line + "\n"
        }
        let indent = String(line.prefix { $0 == " " })
        return TextWrap.lines(line, width: width - indent.count - 4).enumerated().map { k, text in
            (k == 0 ? indent : indent + "    ") + text
        }.joined(separator: "\n") + "\n"
    }

    /// Every function's N(0, 1) figures side by side (`actplot stats` has them all).
    private func gaussianTable(_ style: TextStyle) -> String {
        var rows = [["under Z ~ N(0, 1)", "E[f]", "Var f", "E[f′]", "1/√E[f²]", "1/√E[f′²]"]]
        let n = { (v: Double) in NumberText.format(v, significantDigits: precision ?? 6) }
        for (name, statistics) in gaussian {
            guard let s = statistics else {
                rows.append([name, "diverges", "", "", "", ""])
                continue
            }
            rows.append([name, n(s.mean), n(s.variance), n(s.meanSlope), n(s.forwardGain), n(s.backwardGain)])
        }
        return Table.render(rows, title: nil, alignments: [.left], indent: "  ", style: style)
    }

    /// The statistics table of one comparison, with a non-finite column when any point is.
    private func table(_ c: ActivationComparison, _ style: TextStyle) -> String {
        let counted = c.value.nonfinite > 0 || c.derivative.nonfinite > 0
        var rows = [["", "max |f - g|", "at x", "mean |f - g|", "RMS"] + (counted ? ["non-finite"] : [])]
        for (label, d) in [("f", c.value), ("f'", c.derivative)] {
            // NaN: no point where the difference is defined.
            var at = d.maximum == 0 || d.maximum.isNaN ? "-" : number(d.location)
            if let p = d.plateau, d.maximum > 0 {
                // A plateau: its first stretch on the grid, and how many there are.
                at =
                    "\(number(p.lowerBound))…\(number(p.upperBound))"
                    + (d.plateaus > 1 ? " (+\(d.plateaus - 1))" : "")
            }
            var statistics = [number(d.maximum), at, number(d.mean), number(d.rootMeanSquare)]
            if d.maximum.isNaN { statistics = ["-", "-", "-", "-"] }
            rows.append([label] + statistics + (counted ? [String(d.nonfinite)] : []))
        }
        return Table.render(rows, title: nil, alignments: [.left], indent: "  ", style: style)
    }

    /// Where each function is not finite, and what the statistics are then taken over.
    private func nonfiniteLines(_ c: ActivationComparison, _ name: String) -> String {
        var out = ""
        func describe(_ gap: ActivationComparison.NonFinite) -> String {
            let kinds = [(gap.nan, "nan"), (gap.infinite, "inf")].filter { $0.0 > 0 }
                .map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            let (low, high) = (number(gap.span.lowerBound), number(gap.span.upperBound))
            let span = low == high ? "at x = \(low)" : "in \(low):\(high)"
            return "not finite at \(gap.count) points \(span) (\(kinds))"
        }
        for (label, gaps) in [(reference.name, c.firstNonFinite), (name, c.secondNonFinite)] {
            switch (gaps.value, gaps.derivative) {
            case (let f?, let d?) where f == d: out += "  \(label): f and f' \(describe(f))\n"
            case (let f, let d):
                if let f { out += "  \(label): f \(describe(f))\n" }
                if let d { out += "  \(label): f' \(describe(d))\n" }
            }
        }
        let infinite = c.value.maximum.isInfinite || c.derivative.maximum.isInfinite
        if !out.isEmpty {
            out +=
                infinite
                ? "  an infinite difference makes max, mean and RMS inf; NaN points are left out\n"
                : "  max, mean and RMS are over the points where both are finite\n"
        }
        return out
    }

    /// The report as JSON.
    package var json: JSONValue {
        func difference(_ d: ActivationComparison.Difference) -> JSONValue {
            // A plateau: its first stretch on the grid and how many stretches reach the maximum.
            let plateau: [(String, JSONValue)] =
                d.plateau.map { p in
                    [
                        ("plateau", .array([.number(p.lowerBound), .number(p.upperBound)])),
                        ("plateaus", .number(Double(d.plateaus))),
                    ]
                } ?? []
            return .object(
                [
                    ("max_abs", .number(d.maximum)), ("at", .number(d.location)),
                    ("mean_abs", .number(d.mean)),
                    ("rms", .number(d.rootMeanSquare)), ("nonfinite", .number(Double(d.nonfinite))),
                ] + plateau)
        }
        func jet(_ j: Jet) -> JSONValue {
            .object([("value", .number(j.value)), ("derivative", .number(j.derivative))])
        }
        return .object(
            [
                ("reference", .string(reference.name)),
                ("range", .array([.number(range.lowerBound), .number(range.upperBound)])),
                ("samples", .number(Double(samples))),
                (
                    "comparisons",
                    .array(
                        comparisons.map { name, _, c in
                            .object([
                                ("function", .string(name)), ("value", difference(c.value)),
                                ("derivative", difference(c.derivative)),
                                ("corners", .array(c.corners.map(JSONValue.number))),
                                (
                                    "convention_differences",
                                    .array(
                                        c.conventionCorners.map { corner in
                                            .object([
                                                ("x", .number(corner.x)), ("reference", jet(corner.first)),
                                                ("function", jet(corner.second)),
                                                ("left_derivative", .number(corner.sides.left)),
                                                ("right_derivative", .number(corner.sides.right)),
                                            ])
                                        })
                                ),
                            ])
                        })
                ),
            ] + asComputed)
    }

    /// The JSON of the comparison as the format computes it, when there is one.
    private var asComputed: [(String, JSONValue)] {
        guard let e = evaluation else { return [] }
        func difference(_ d: FormatComparison.Difference) -> JSONValue {
            .object([
                ("differing", .number(Double(d.differing))), ("max_ulps", .number(d.maximumUlps)),
                ("at", d.location.isNaN ? .null : .number(d.location)),
            ])
        }
        let rows: [JSONValue] = formatted.map { name, c in
            .object([
                ("function", .string(name)), ("inputs", .number(Double(c.inputs))),
                ("value", difference(c.value)), ("derivative", difference(c.derivative)),
            ])
        }
        return [
            (
                "as_computed",
                .object([
                    ("dtype", .string(e.format.name)), ("arith", .string(e.arithmetic.rawValue)),
                    ("comparisons", .array(rows)),
                ])
            )
        ]
    }
}
