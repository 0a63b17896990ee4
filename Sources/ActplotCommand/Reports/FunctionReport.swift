import ActivationCore

/// Everything about one function (`actplot info FUNCTION`): its definition, parameters,
/// framework versions, properties measured over a range, its statistics under N(0, 1) and
/// notes on when to use it.
///
/// Its JSON: the ``FunctionDescription`` header, then `family`, `formula`, `aliases`,
/// `textbook` (`value` and `derivative`, or null), `parameter_definitions` (each `name`,
/// `default`, `domain` or `options`, `summary`), `frameworks` (each preset as `list
/// --framework` has it), `properties` (`range`, `samples`, `output_range`, `monotonicity`,
/// `zero_centred`, `mean_value`, `value_at_0`, `derivative_at_0`, `second_derivative_at_0`,
/// `limit_negative_infinity`, `limit_positive_infinity`, `smoothness`, `flat_intervals`,
/// `stationary_points`, `stationary_kinds`) and `notes`.
package struct FunctionReport: Report {
    /// The function.
    let function: Activation
    /// Its properties over the range.
    let properties: ActivationProperties

    /// The report of `function`, its properties measured over `range`.
    package init(_ function: Activation, over range: ClosedRange<Double>) {
        self.function = function
        properties = ActivationProperties(of: function, over: range)
    }

    /// The presets of every framework that has the function.
    private var presets: [FrameworkPreset] {
        FrameworkPreset.all.filter { $0.function == function.entry.name }
    }

    /// Definition, parameters, frameworks, properties, Gaussian statistics and notes.
    package func text(in style: TextStyle) -> String {
        definition + parameters(style) + frameworks(style) + properties(style) + gaussian(style)
            + "\nnotes\n" + Self.wrap(function.entry.notes, width: 88, indent: "  ")
    }

    /// Six significant digits; −0 prints as 0, infinities as +∞ and −∞ like the labels.
    private static func short(_ value: Double) -> String { NumberText.described(value, digits: 6) }

    /// The limit at −∞ or +∞, or why there is none.
    private static func limit(_ value: Double, at end: String, definedFarOut: Bool) -> String {
        if !value.isNaN { return "f(\(end)) = \(short(value))" }
        return definedFarOut ? "no limit at \(end)" : "f is nan towards \(end)"
    }

    /// Items joined by ", ", `size` to a line, every line but the last ending in ",".
    private static func chunks(_ items: [String], _ size: Int) -> [String] {
        stride(from: 0, to: items.count, by: size).map { start in
            let end = Swift.min(start + size, items.count)
            return items[start..<end].joined(separator: ", ") + (end < items.count ? "," : "")
        }
    }

    private static func interval(_ r: ClosedRange<Double>) -> String {
        "[\(short(r.lowerBound)), \(short(r.upperBound))]"
    }

    /// E[f], E[f²], Var f, E[f′], E[f′²] and the gains under Z ~ N(0, 1) (`actplot stats`).
    private func gaussian(_ style: TextStyle) -> String {
        let f = function
        let n = { (v: Double) in NumberText.format(v, significantDigits: 12) }
        let s: GaussianStatistics
        do {
            s = try GaussianStatistics(of: f)
        } catch {
            // What failed, as stats says it: diverging moments, or a quadrature that did not settle.
            let reason = error.description.drop { $0 != ":" }.dropFirst().trimmingWhitespace
                .replacing("; the others are shown", with: "")
            return "\nunder Z ~ N(0, 1)\n  \(reason) (see actplot stats)\n"
        }
        let torch = f.torchGain.map { "; torch calculate_gain \(n($0.value)) (\($0.note))" } ?? ""
        return "\nunder Z ~ N(0, 1)\n"
            + Table.render(
                [
                    ["  E[f], E[f²]", "\(n(s.mean)), \(n(s.secondMoment)); Var f \(n(s.variance))"],
                    ["  E[f′], E[f′²]", "\(n(s.meanSlope)), \(n(s.meanSquaredSlope))"],
                    [
                        "  gains",
                        "forward 1/√E[f²] = \(n(s.forwardGain)), backward 1/√E[f′²] = \(n(s.backwardGain))"
                            + torch,
                    ],
                ], title: nil, alignments: [.left, .left], unicode: style.unicode)
    }

    /// The title, family, formula, aliases and the preset's note.
    private var definition: String {
        let f = function
        let e = f.entry
        var out = "\(FunctionDescription(f).title)\n"
        out += "  family       \(e.family)\n"
        out += "  formula      \(e.formula)\n"
        if !e.aliases.isEmpty { out += "  aliases      \(e.aliases.joined(separator: ", "))\n" }
        // A typed expression is its own textbook formula.
        if let textbook = f.naiveFormula, textbook.value != e.formula {
            let derivative = textbook.derivativeText
            let y = derivative.contains("y") && textbook.derivative != nil ? "; y: f as stored" : ""
            out += "  textbook     f = \(textbook.value); f′ = \(derivative)\n"
            out += "               (what --arith naive and opmath evaluate\(y))\n"
        }
        if let preset = f.preset, case let note = preset.describedNote, !note.isEmpty {
            out += "  \(preset.qualifiedName): \(note)\n"
        }
        return out
    }

    /// Each parameter with its value, summary, default and domain; the kink convention.
    private func parameters(_ style: TextStyle) -> String {
        let f = function
        var out = ""
        var rows: [[String]] = []
        if !f.entry.parameters.isEmpty {
            rows = f.entry.parameters.map { parameter -> [String] in
                let value = f.parameter(parameter.key)?.description ?? ""
                let accepts: String
                switch parameter.kind {
                case .real(let d, let domain): accepts = "default \(DecimalText.shortest(d)); \(domain)"
                case .choice(let d, let options):
                    accepts = "default \(d); one of \(options.joined(separator: ", "))"
                }
                var summary = parameter.summary
                if let preset = f.preset, let own = preset.parameterNames[parameter.name] {
                    summary += "; \(preset.qualifiedName)'s \(own)"
                }
                return ["  \(parameter.name) = \(value)", summary, "(\(accepts))"]
            }
        }
        if f.entry.hasKinks {
            rows.append([
                "  kink = \(f.kink.rawValue)", "derivative at corners",
                "(exclusive: PyTorch's; inclusive; average)",
            ])
        }
        if !rows.isEmpty {
            out += "\nparameters\n"
            out += Table.render(rows, title: nil, alignments: [.left, .left, .left], unicode: style.unicode)
        }
        return out
    }

    /// The function in every framework that has it.
    private func frameworks(_ style: TextStyle) -> String {
        let presets = self.presets
        guard !presets.isEmpty else { return "" }
        let rows = presets.map { ["  " + $0.qualifiedName, $0.resolution, $0.describedNote] }
        return "\nin frameworks\n"
            + Table.render(rows, title: nil, alignments: [.left, .left, .left], unicode: style.unicode)
            + "  A preset takes its framework's defaults, parameter names and corner rule; where a note\n"
            + "  says how a framework computes, that is the framework's arithmetic: actplot returns the\n"
            + "  exact value.\n"
    }

    /// What was measured over the range.
    private func properties(_ style: TextStyle) -> String {
        let (f, p) = (function, self.properties)
        let short = Self.short
        var rows: [[String]] = [
            [
                "  output range",
                "\(Self.interval(p.outputRange))  (min at x = \(short(p.extremePoints.minimum)), "
                    + "max at x = \(short(p.extremePoints.maximum)))",
            ],
            ["  monotonic", p.monotonicity.rawValue],
            [
                "  zero-centred",
                (p.isZeroCentred ? "yes (odd: f(−x) = −f(x))" : "no")
                    + ", mean f = \(short(p.meanValue))",
            ],
            [
                "  at 0",
                "f(0) = \(short(p.atZero.value)), f′(0) = \(short(p.atZero.derivative)), "
                    + "f″(0) = \(short(p.atZero.secondDerivative))",
            ],
            [
                "  limits",
                Self.limit(p.limits.negative, at: "−∞", definedFarOut: p.definedFarOut.negative) + ", "
                    + Self.limit(p.limits.positive, at: "+∞", definedFarOut: p.definedFarOut.positive),
            ],
            ["  smoothness", p.smoothness.description],
        ]
        let flat = p.flatIntervals.isEmpty ? ["nowhere in the range"] : p.flatIntervals.map(Self.interval)
        for (i, line) in Self.chunks(flat, 3).enumerated() {
            rows.append([i == 0 ? "  |f′| < 1e-3" : "", line])
        }
        if !p.stationaryPoints.isEmpty {
            let points = zip(p.stationaryPoints, p.stationaryKinds).map { x, kind in
                let sides = (short(f.derivative(at: x.nextDown)), short(f.derivative(at: x.nextUp)))
                let what =
                    switch kind {
                    case .cornerMinimum, .cornerMaximum:
                        "\(kind == .cornerMinimum ? "minimum" : "maximum") at a corner: f′ jumps from "
                            + "\(sides.0) to \(sides.1)"
                    default: kind.rawValue
                    }
                return "x = \(short(x)) (f = \(short(f.value(at: x))), \(what))"
            }
            for (i, line) in Self.chunks(points, 2).enumerated() {
                rows.append([i == 0 ? "  f′ = 0" : "", line])
            }
        }
        return "\nproperties over \(Self.interval(p.range)) (\(p.samples) samples)\n"
            + Table.render(rows, title: nil, alignments: [.left, .left], unicode: style.unicode)
    }

    private static func wrap(_ text: String, width: Int, indent: String) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > width && line != indent {
                lines.append(line)
                line = indent
            }
            line += (line == indent ? "" : " ") + word
        }
        if line != indent { lines.append(line) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The description, the parameters' definitions, the frameworks, the properties and the
    /// notes.
    package var json: JSONValue {
        let (f, p, e) = (function, properties, function.entry)
        let frameworks = presets.map(\.json)
        let range = { (r: ClosedRange<Double>) -> JSONValue in
            .array([.number(r.lowerBound), .number(r.upperBound)])
        }
        let measured = JSONValue.object([
            ("range", range(p.range)), ("samples", .number(Double(p.samples))),
            ("output_range", range(p.outputRange)), ("monotonicity", .string(p.monotonicity.rawValue)),
            ("zero_centred", .bool(p.isZeroCentred)), ("mean_value", .number(p.meanValue)),
            ("value_at_0", .number(p.atZero.value)), ("derivative_at_0", .number(p.atZero.derivative)),
            ("second_derivative_at_0", .number(p.atZero.secondDerivative)),
            ("limit_negative_infinity", .number(p.limits.negative)),
            ("limit_positive_infinity", .number(p.limits.positive)),
            ("smoothness", .string(p.smoothness.rawValue)),
            ("flat_intervals", .array(p.flatIntervals.map(range))),
            ("stationary_points", .array(p.stationaryPoints.map(JSONValue.number))),
            ("stationary_kinds", .array(p.stationaryKinds.map { .string($0.rawValue) })),
        ])
        var members = FunctionDescription(f).header
        members += [
            ("family", .string(e.family.description)), ("formula", .string(e.formula)),
            ("aliases", .array(e.aliases.map(JSONValue.string))),
            ("textbook", f.naiveFormula.map(Self.textbookJSON) ?? .null),
            ("parameter_definitions", .array(e.parameters.map(\.json))),
            ("frameworks", .array(frameworks)), ("properties", measured), ("notes", .string(e.notes)),
        ]
        return .object(members)
    }

    /// The textbook formulas: f, and f′ (null where autograd differentiates f).
    private static func textbookJSON(_ formula: NaiveFormula) -> JSONValue {
        .object([
            ("value", .string(formula.value)),
            ("derivative", formula.derivative.map(JSONValue.string) ?? .null),
        ])
    }
}
