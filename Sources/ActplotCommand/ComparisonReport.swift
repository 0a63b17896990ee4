import ActivationCore
import ActivationPlot

/// The difference statistics of `actplot compare`, as text and as JSON.
///
/// ```
/// gelu(approximate=tanh) against gelu over -5:5 (10001 points)
///                max |f - g|       at x    mean |f - g|           RMS
///   f             4.7324e-04    -2.7017      1.2345e-04    1.9e-04
///   f'            ...
/// ```
struct ComparisonReport {
    let reference: (name: String, function: Activation)
    let comparisons: [(name: String, function: Activation, comparison: ActivationComparison)]
    let range: ClosedRange<Double>
    let samples: Int
    let precision: Int?

    init(
        functions: [(name: String, function: Activation)], range: ClosedRange<Double>, samples: Int,
        precision: Int?
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
    }

    private func number(_ v: Double) -> String {
        NumberText.format(v, significantDigits: precision ?? 5)
    }

    /// Lines of ``text``.
    var lineCount: Int { text.split(separator: "\n").count }

    /// The report as aligned text, one block per function.
    var text: String {
        var out = ""
        let over = "\(DecimalText.shortest(range.lowerBound)):\(DecimalText.shortest(range.upperBound))"
        for (name, function, c) in comparisons {
            out += "\(name) against \(reference.name) over \(over) (\(samples) points)\n"
            if c.value.maximum == 0 && c.derivative.maximum == 0 && c.conventionCorners.isEmpty {
                out += "  identical: f and f' agree at every point\n"
                continue
            }
            var rows = [["", "max |f - g|", "at x", "mean |f - g|", "RMS"]]
            for (label, d) in [("f", c.value), ("f'", c.derivative)] {
                let at = d.maximum == 0 ? "-" : number(d.location)
                rows.append([label, number(d.maximum), at, number(d.mean), number(d.rootMeanSquare)])
            }
            out += Table.render(rows, title: nil, alignments: [.left], indent: "  ")
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
                    out +=
                        "  corner at x = \(DecimalText.shortest(corner.x)): " + parts.joined(separator: ", ")
                        + " - different conventions\n"
                }
            }
        }
        return out
    }

    /// The report as JSON.
    var json: JSONValue {
        func difference(_ d: ActivationComparison.Difference) -> JSONValue {
            .object([
                ("max_abs", .number(d.maximum)), ("at", .number(d.location)), ("mean_abs", .number(d.mean)),
                ("rms", .number(d.rootMeanSquare)),
            ])
        }
        func jet(_ j: Jet) -> JSONValue {
            .object([("value", .number(j.value)), ("derivative", .number(j.derivative))])
        }
        return .object([
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
        ])
    }
}
