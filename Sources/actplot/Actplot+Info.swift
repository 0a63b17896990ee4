import ActivationCore
import ActivationPlot
import ArgumentParser

extension Actplot {
    /// `actplot info FUNCTION`: definition, parameters, framework versions, measured properties, notes.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            // Named here: deriving the name from the type costs a fifth of a chart's start-up.
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
                """
        )

        @Argument(
            help: ArgumentHelp(
                "The function: a catalog name, a spec, a framework preset or a formula of x.",
                valueName: "FUNCTION"),
            completion: .functionNames)
        var function: String

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Interval for the measured properties.", valueName: "MIN:MAX"))
        var range: String = "-5:5"

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Fixed other inputs of a vector function.", valueName: "O1,O2,..."))
        var others: String?

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() throws {
            guard let interval = RangeArgument(argument: range) else { throw rangeError(range) }
            let others = try self.others.map { try NumberList.list($0, for: "--others") } ?? [0]
            let f = try Catalog.activation(function, others: others)
            let properties = ActivationProperties(of: f, over: interval.closedRange)
            try writeToStandardOutput(json ? jsonText(f, properties) : text(f, properties))
        }

        /// Six significant digits; −0 prints as 0.
        private static func short(_ value: Double) -> String {
            NumberText.format(value + 0, significantDigits: 6)
        }

        private static func interval(_ r: ClosedRange<Double>) -> String {
            "[\(short(r.lowerBound)), \(short(r.upperBound))]"
        }

        private func presets(of f: Activation) -> [FrameworkPreset] {
            FrameworkPreset.all.filter { $0.function == f.entry.name }
        }

        private func text(_ f: Activation, _ p: ActivationProperties) -> String {
            let e = f.entry
            var out = "\(Describe.title(f))\n"
            out += "  family       \(e.family)\n"
            out += "  formula      \(e.formula)\n"
            if !e.aliases.isEmpty { out += "  aliases      \(e.aliases.joined(separator: ", "))\n" }
            if let note = f.preset?.note { out += "  \(f.preset?.qualifiedName ?? ""): \(note)\n" }
            if !e.parameters.isEmpty {
                out += "\nparameters\n"
                var rows: [[String]] = []
                for parameter in e.parameters {
                    let value = f.parameter(parameter.name)?.description ?? ""
                    let accepts: String
                    switch parameter.kind {
                    case .real(let d, let domain): accepts = "default \(DecimalText.shortest(d)); \(domain)"
                    case .choice(let d, let options):
                        accepts = "default \(d); one of \(options.joined(separator: ", "))"
                    }
                    rows.append(["  \(parameter.name) = \(value)", parameter.summary, "(\(accepts))"])
                }
                out += Table.render(rows, title: nil, alignments: [.left, .left, .left])
            }
            if e.hasKinks {
                out +=
                    "  kink = \(f.kink.rawValue)   derivative at corners (exclusive: PyTorch's; inclusive; average)\n"
            }
            let presets = presets(of: f)
            if !presets.isEmpty {
                out += "\nin frameworks\n"
                let rows = presets.map { ["  " + $0.qualifiedName, List.resolution($0), $0.note ?? ""] }
                out += Table.render(rows, title: nil, alignments: [.left, .left, .left])
            }
            out += "\nproperties over \(Self.interval(p.range)) (\(p.samples) samples)\n"
            var rows: [[String]] = [
                [
                    "  output range",
                    "\(Self.interval(p.outputRange))  (min at x = \(Self.short(p.extremePoints.minimum)), max at x = \(Self.short(p.extremePoints.maximum)))",
                ],
                ["  monotonic", p.monotonicity.rawValue],
                [
                    "  zero-centred",
                    (p.isZeroCentred ? "yes (odd: f(−x) = −f(x))" : "no")
                        + ", mean f = \(Self.short(p.meanValue))",
                ],
                [
                    "  at 0",
                    "f(0) = \(Self.short(p.atZero.value)), f′(0) = \(Self.short(p.atZero.derivative)), f″(0) = \(Self.short(p.atZero.secondDerivative))",
                ],
                [
                    "  limits",
                    "f(−∞) = \(Self.short(p.limits.negative)), f(+∞) = \(Self.short(p.limits.positive))",
                ],
                ["  smoothness", p.smoothness.description],
            ]
            let flat =
                p.flatIntervals.isEmpty
                ? "nowhere in the range" : p.flatIntervals.map(Self.interval).joined(separator: ", ")
            rows.append(["  |f′| < 1e-3", flat + (p.flatIntervals.isEmpty ? "" : "  (saturated or dead)")])
            if !p.stationaryPoints.isEmpty {
                let points = p.stationaryPoints.map { x in
                    "x = \(Self.short(x)) (f = \(Self.short(f.value(at: x))), \(f.secondDerivative(at: x) > 0 ? "minimum" : "maximum"))"
                }
                rows.append(["  f′ = 0", points.joined(separator: ", ")])
            }
            out += Table.render(rows, title: nil, alignments: [.left, .left])
            out += "\nnotes\n" + wrap(e.notes, width: 88, indent: "  ")
            return out
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
            ])
            var members = Describe.header(f)
            members += [
                ("family", .string(e.family.description)), ("formula", .string(e.formula)),
                ("aliases", .array(e.aliases.map(JSONValue.string))),
                ("parameter_definitions", .array(e.parameters.map(List.parameterJSON))),
                ("frameworks", .array(frameworks)), ("properties", properties), ("notes", .string(e.notes)),
            ]
            return JSONValue.object(members).text() + "\n"
        }
    }
}
