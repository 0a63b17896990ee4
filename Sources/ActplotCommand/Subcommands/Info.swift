import ActivationCore
import ActivationPlot
import ArgumentParser

extension Actplot {
    /// `actplot info FUNCTION`: definition, parameters, framework versions, measured properties, notes.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "info",
            abstract: "Show a function's formula, parameters, framework versions, properties and notes.",
            discussion: """
                Properties are measured over --range on 20001 points: the output range, \
                monotonicity, whether outputs are centred on 0, f(0), f′(0) and f″(0), the limits \
                at ±∞, smoothness, and where |f′| < 1e-3 (saturated or dead zones).

                Examples:
                  actplot info gelu
                  actplot info torch.softplus --range -30:30
                  actplot info leaky_relu:alpha=0.2 --json
                  actplot info 'x/sqrt(1+x^2)'
                  actplot info --dtype e4m3
                  actplot info gelu --dtype bf16 --arith naive

                With --dtype, info states the format's conversion rules, and with a function \
                where it breaks in that format (as actplot precision does).
                """
        )

        @Argument(help: .function, completion: .functionNames)
        var function: String?

        @OptionGroup var range: RangeOption

        @OptionGroup var precision: PrecisionOptions

        @OptionGroup var others: OthersOption

        @OptionGroup var output: JSONOption

        func run() throws {
            if let format = try precision.format() {
                var out = "\(format)\n" + format.rules.map { "  " + $0 + "\n" }.joined()
                if let function {
                    let f = try others.activations([function])[0]
                    let modes =
                        precision.arith == nil
                        ? FormatEvaluation.Arithmetic.allCases : [try precision.arithmetic()]
                    out +=
                        "\n"
                        + Precision.table(
                            modes.map { FormatSurvey(FormatEvaluation(f, format: format, arithmetic: $0)) })
                        + "\n" + Precision.formulaNote(f, modes)
                }
                try writeText(out)
                return
            }
            guard let function else {
                throw ValidationError(
                    "give a function (actplot info gelu) or a format (actplot info --dtype bf16)")
            }
            let f = try others.activations([function])[0]
            let properties = ActivationProperties(of: f, over: range.range.closedRange)
            try output.json ? writeToStandardOutput(jsonText(f, properties)) : writeText(text(f, properties))
        }

        /// Six significant digits; −0 prints as 0, infinities as +∞ and −∞ like the labels.
        private static func short(_ value: Double) -> String { Describe.number(value, digits: 6) }

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

        private func presets(of f: Activation) -> [FrameworkPreset] {
            FrameworkPreset.all.filter { $0.function == f.entry.name }
        }

        private func text(_ f: Activation, _ p: ActivationProperties) -> String {
            definition(f) + parameters(f) + frameworks(f) + properties(f, p) + gaussian(f)
                + "\nnotes\n" + wrap(f.entry.notes, width: 88, indent: "  ")
        }

        /// E[f], E[f²], Var f, E[f′], E[f′²] and the gains under Z ~ N(0, 1) (`actplot stats`).
        private func gaussian(_ f: Activation) -> String {
            let n = { (v: Double) in NumberText.format(v, significantDigits: 12) }
            guard let s = try? GaussianStatistics(of: f) else {
                return "\nunder Z ~ N(0, 1)\n  moments diverge or overflow (see actplot stats)\n"
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
                    ], title: nil, alignments: [.left, .left])
        }

        /// The title, family, formula, aliases and the preset's note.
        private func definition(_ f: Activation) -> String {
            let e = f.entry
            var out = "\(Describe.title(f))\n"
            out += "  family       \(e.family)\n"
            out += "  formula      \(e.formula)\n"
            if !e.aliases.isEmpty { out += "  aliases      \(e.aliases.joined(separator: ", "))\n" }
            // A typed expression is its own textbook formula.
            if let textbook = f.naiveFormula, textbook.value != e.formula {
                let derivative = FormatReport.derivativeText(textbook)
                let y = derivative.contains("y") && textbook.derivative != nil ? "; y: f as stored" : ""
                out += "  textbook     f = \(textbook.value); f′ = \(derivative)\n"
                out += "               (what --arith naive and opmath evaluate\(y))\n"
            }
            if let preset = f.preset, case let note = Describe.note(preset), !note.isEmpty {
                out += "  \(preset.qualifiedName): \(note)\n"
            }
            return out
        }

        /// Each parameter with its value, summary, default and domain; the kink convention.
        private func parameters(_ f: Activation) -> String {
            var out = ""
            if !f.entry.parameters.isEmpty {
                out += "\nparameters\n"
                let rows = f.entry.parameters.map { parameter -> [String] in
                    let value = f.parameter(parameter.name)?.description ?? ""
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
                out += Table.render(rows, title: nil, alignments: [.left, .left, .left])
            }
            if f.entry.hasKinks {
                out +=
                    "  kink = \(f.kink.rawValue)   derivative at corners (exclusive: PyTorch's; inclusive; average)\n"
            }
            return out
        }

        /// The function in every framework that has it.
        private func frameworks(_ f: Activation) -> String {
            let presets = presets(of: f)
            guard !presets.isEmpty else { return "" }
            let rows = presets.map { ["  " + $0.qualifiedName, List.resolution($0), Describe.note($0)] }
            return "\nin frameworks\n" + Table.render(rows, title: nil, alignments: [.left, .left, .left])
                + "  A preset takes its framework's defaults, parameter names and corner rule; where a note\n"
                + "  says how a framework computes, that is the framework's arithmetic: actplot returns the\n"
                + "  exact value.\n"
        }

        /// What was measured over the range.
        private func properties(_ f: Activation, _ p: ActivationProperties) -> String {
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
                + Table.render(rows, title: nil, alignments: [.left, .left])
        }

        private func wrap(_ text: String, width: Int, indent: String) -> String {
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

        private func jsonText(_ f: Activation, _ p: ActivationProperties) -> String {
            let e = f.entry
            let frameworks = presets(of: f).map(Describe.json)
            let range = { (r: ClosedRange<Double>) -> JSONValue in
                .array([.number(r.lowerBound), .number(r.upperBound)])
            }
            let properties = JSONValue.object([
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
            var members = Describe.header(f)
            members += [
                ("family", .string(e.family.description)), ("formula", .string(e.formula)),
                ("aliases", .array(e.aliases.map(JSONValue.string))),
                ("textbook", f.naiveFormula.map(Self.textbookJSON) ?? .null),
                ("parameter_definitions", .array(e.parameters.map(List.parameterJSON))),
                ("frameworks", .array(frameworks)), ("properties", properties), ("notes", .string(e.notes)),
            ]
            return JSONValue.object(members).text() + "\n"
        }

        /// The textbook formulas: f, and f′ (null where autograd differentiates f).
        private static func textbookJSON(_ formula: NaiveFormula) -> JSONValue {
            .object([
                ("value", .string(formula.value)),
                ("derivative", formula.derivative.map(JSONValue.string) ?? .null),
            ])
        }
    }
}
