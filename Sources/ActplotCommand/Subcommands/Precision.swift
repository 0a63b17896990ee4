import ActivationCore
import ActivationPlot
import ArgumentParser

extension Actplot {
    /// `actplot precision FUNCTION`: where the function breaks in each narrow format and
    /// arithmetic.
    struct Precision: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "precision",
            abstract:
                "Where a function overflows, flushes and lies in float32, bfloat16, float16 and float8.",
            discussion: """
                For each format and arithmetic (exact: the true values rounded once; naive: the \
                textbook formulas with every operation rounded to the format; opmath: the \
                formulas in float32, input and output in the format), the first x on each side \
                of 0 where f or f′ becomes 0, subnormal, ±max, ±∞ or NaN though the true value \
                is not, reaches f = x or ±1, or moves against the true function; then the \
                largest error in ulps of the format on each side. 8- and 16-bit formats visit \
                every input; float32 is sampled every 2^14 patterns and each threshold narrowed \
                by bisection.

                Examples:
                  actplot precision sigmoid
                  actplot precision gelu:approximate=tanh --dtype bf16
                  actplot precision softplus --dtype f16 --arith naive --json
                """
        )

        @Argument(help: .function, completion: .functionNames)
        var function: String

        @OptionGroup var precision: PrecisionOptions

        @OptionGroup var others: OthersOption

        @Flag(help: "Print JSON instead of tables.")
        var json = false

        func run() throws {
            let f = try others.activations([function])[0]
            let formats = try precision.format().map { [$0] } ?? NumberFormat.all.filter { $0 != .float64 }
            let modes =
                precision.arith == nil ? FormatEvaluation.Arithmetic.allCases : [try precision.arithmetic()]
            let surveys = formats.map { format in
                modes.map { FormatSurvey(FormatEvaluation(f, format: format, arithmetic: $0)) }
            }
            if json {
                try writeToStandardOutput(Self.json(f, surveys) + "\n")
                return
            }
            var out = ""
            for row in surveys { out += Self.table(row) + "\n" }
            try writeText(out + Self.formulaNote(f, modes))
        }

        /// The textbook formulas naive and opmath evaluate, or that there are none; empty for
        /// exact alone.
        static func formulaNote(_ f: Activation, _ modes: [FormatEvaluation.Arithmetic]) -> String {
            guard modes != [.exact] else { return "" }
            guard let formula = f.naiveFormula else {
                return
                    "\(f.name) has no textbook formula in the catalog: naive and opmath are computed exactly\n"
            }
            return "naive and opmath use f = \(formula.value), f′ = \(FormatReport.derivativeText(formula))\n"
        }

        /// A number for the table: 5 significant digits, — for none.
        static func cell(_ v: Double?) -> String {
            v.map { Describe.number($0, digits: 5) } ?? "—"
        }

        /// One format's table: a row per threshold, a pair of columns (x < 0, x > 0) per mode.
        static func table(_ surveys: [FormatSurvey]) -> String {
            guard let first = surveys.first else { return "" }
            let format = first.evaluation.format
            var header = [""]
            for s in surveys { header += ["\(s.evaluation.arithmetic.rawValue) x < 0", "x > 0"] }
            var rows = [header]
            var keys: [(Int, FormatSurvey.Event)] = []
            for part in 0..<2 {
                for event in FormatSurvey.Event.allCases
                where surveys.contains(where: {
                    $0.thresholds.contains { $0.part == part && $0.event == event }
                }) {
                    keys.append((part, event))
                }
            }
            for (part, event) in keys {
                var row = [(part == 0 ? "f " : "f′ ") + event.rawValue]
                for s in surveys {
                    let t = s.thresholds.first { $0.part == part && $0.event == event }
                    row += [cell(t?.negative), cell(t?.positive)]
                }
                rows.append(row)
            }
            for part in 0..<2 {
                var row = [(part == 0 ? "f" : "f′") + " max ulps"]
                for s in surveys {
                    let w = s.worst[part]
                    row += [
                        w.negative.map { FormatReport.ulps($0.ulps) } ?? "—",
                        w.positive.map { FormatReport.ulps($0.ulps) } ?? "—",
                    ]
                }
                rows.append(row)
            }
            let how =
                first.exhaustive
                ? "all \(first.inputs) finite non-zero inputs" : "\(first.inputs) sampled inputs"
            var title = "\(first.evaluation.function.name) in \(format) (\(how)): first x from 0 where"
            if surveys.contains(where: { $0.uncertain > 0 }) {
                title += "; \(surveys.map(\.uncertain).reduce(0, +)) exact results uncertain in the last bit"
            }
            return Table.render(
                rows, title: title, alignments: [.left], maximumWidth: TerminalEnvironment.textWidth)
        }

        /// Every survey as JSON.
        static func json(_ f: Activation, _ surveys: [[FormatSurvey]]) -> String {
            let number = { (v: Double?) in v.map(JSONValue.number) ?? .null }
            let formats: [JSONValue] = surveys.flatMap { row in
                row.map { s -> JSONValue in
                    .object([
                        ("dtype", .string(s.evaluation.format.name)),
                        ("arith", .string(s.evaluation.arithmetic.rawValue)),
                        ("inputs", .number(Double(s.inputs))), ("exhaustive", .bool(s.exhaustive)),
                        ("uncertain", .number(Double(s.uncertain))),
                        (
                            "thresholds",
                            .array(
                                s.thresholds.map { t in
                                    .object([
                                        ("of", .string(t.part == 0 ? "f" : "derivative")),
                                        ("event", .string(t.event.rawValue)),
                                        ("negative", number(t.negative)), ("positive", number(t.positive)),
                                    ])
                                })
                        ),
                        (
                            "max_ulps",
                            .array(
                                s.worst.map { w in
                                    .object([
                                        ("of", .string(w.part == 0 ? "f" : "derivative")),
                                        ("negative", number(w.negative?.ulps)),
                                        ("negative_at", number(w.negative?.at)),
                                        ("positive", number(w.positive?.ulps)),
                                        ("positive_at", number(w.positive?.at)),
                                    ])
                                })
                        ),
                    ])
                }
            }
            return JSONValue.object(Describe.header(f) + [("surveys", .array(formats))]).text()
        }
    }
}
