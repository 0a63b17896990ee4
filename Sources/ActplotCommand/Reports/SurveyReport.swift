import ActivationCore

/// Where a function breaks in narrow formats (`actplot precision`): per format, a table of the
/// first x on each side of 0 where f or f′ becomes 0, subnormal, ±max, ±∞ or NaN though the
/// true value is not, and the largest errors, a pair of columns per arithmetic.
///
/// Its JSON: the ``FunctionDescription`` header, then `surveys`, one object per format and
/// arithmetic: `dtype`, `arith`, `inputs`, `exhaustive`, `stride` (every how many bit patterns
/// a sampled survey takes an input; null when exhaustive), `uncertain`, `thresholds` (each `of`
/// f or derivative, `event`, `negative`, `positive`) and `max_ulps` (each `of`, `negative`,
/// `negative_at`, `positive`, `positive_at`).
package struct SurveyReport: Report {
    /// The function surveyed.
    let function: Activation
    /// The surveys: one row per format, one survey per arithmetic in it.
    let surveys: [[FormatSurvey]]
    /// The arithmetics, in column order.
    let arithmetics: [FormatEvaluation.Arithmetic]

    /// Surveys `function` in every format and arithmetic.
    ///
    /// In plain float32, naive and opmath are one arithmetic (every operation in float32), so
    /// one survey stands for both.
    /// - Parameters:
    ///   - function: The function.
    ///   - formats: The formats, a table each.
    ///   - arithmetics: The arithmetics, a pair of columns each.
    ///   - coverage: Which inputs of each format.
    ///   - threads: Cores to scan on, nil for all.
    ///   - progress: Counts the inputs visited, for a progress bar; every survey's inputs are
    ///     planned in it before the first starts.
    ///   - isa: The instruction set `--arith framework` follows.
    package init(
        of function: Activation, in formats: [NumberFormat], arithmetics: [FormatEvaluation.Arithmetic],
        coverage: FormatSurvey.Coverage = .standard, threads: Int? = nil, progress: SurveyProgress? = nil,
        isa: FrameworkKernel.InstructionSet = .avx512
    ) {
        self.function = function
        self.arithmetics = arithmetics
        let evaluations = formats.map { format in
            arithmetics.map { FormatEvaluation(function, format: format, arithmetic: $0, isa: isa) }
        }
        // Surveyed as a copy of naive's.
        let copied = { (e: FormatEvaluation) in
            e.format == .float32 && e.arithmetic == .opmath && arithmetics.contains(.naive)
        }
        for e in evaluations.joined() where !copied(e) {
            progress?.plan(FormatSurvey.inputs(e.format, coverage: coverage))
        }
        surveys = evaluations.map { row in
            var naive: FormatSurvey?
            return row.map { e in
                if copied(e), let naive { return naive.relabelled(e) }
                let survey = FormatSurvey(e, coverage: coverage, threads: threads, progress: progress)
                if e.arithmetic == .naive { naive = survey }
                return survey
            }
        }
    }

    /// A table per format, then the textbook formulas naive and opmath use.
    package func text(in style: TextStyle) -> String {
        surveys.map { Self.table($0, style) + "\n" }.joined() + formulaNote
    }

    /// The textbook formulas naive and opmath evaluate, or that there are none; empty for
    /// exact alone.
    private var formulaNote: String {
        guard arithmetics != [.exact] else { return "" }
        if arithmetics == [.framework] {
            // The kernel of each format surveyed (torch's float16 σ′ rounds where bfloat16's does not).
            return surveys.flatMap { $0 }.compactMap { survey in
                survey.evaluation.kernel.map { kernel in
                    "framework in \(survey.evaluation.format.name):\n"
                        + kernel.description.map { "  \($0)\n" }.joined()
                }
            }.joined()
        }
        guard let formula = function.naiveFormula else {
            return
                "\(function.name) has no textbook formula in the catalog: naive and opmath are computed exactly\n"
        }
        return "naive and opmath use f = \(formula.value), f′ = \(formula.derivativeText)\n"
    }

    /// A number for the table: 5 significant digits, — for none.
    private static func cell(_ v: Double?) -> String {
        v.map { NumberText.described($0, digits: 5) } ?? "—"
    }

    /// The events found in any of the surveys, f's then f′'s, in the library's order.
    private static func rows(_ surveys: [FormatSurvey]) -> [(FormatSurvey.Part, FormatSurvey.Event)] {
        FormatSurvey.Part.allCases.flatMap { part in
            FormatSurvey.Event.allCases.filter { event in
                surveys.contains { $0.thresholds.contains { $0.part == part && $0.event == event } }
            }.map { (part, $0) }
        }
    }

    /// One format's table: a row per threshold, a pair of columns (x < 0, x > 0) per arithmetic.
    private static func table(_ surveys: [FormatSurvey], _ style: TextStyle) -> String {
        guard let first = surveys.first else { return "" }
        var rows = [[""] + surveys.flatMap { ["\($0.evaluation.arithmetic.rawValue) x < 0", "x > 0"] }]
        for (part, event) in Self.rows(surveys) {
            var row = ["\(part.symbol) \(event.text)"]
            for s in surveys {
                let t = s.thresholds.first { $0.part == part && $0.event == event }
                row += [cell(t?.negative), cell(t?.positive)]
            }
            rows.append(row)
        }
        for part in FormatSurvey.Part.allCases {
            var row = [part.symbol + " max ulps"]
            for s in surveys {
                let w = s.worst(of: part)
                row += [w.negative.map { ulps($0.ulps) } ?? "—", w.positive.map { ulps($0.ulps) } ?? "—"]
            }
            rows.append(row)
        }
        let how =
            first.exhaustive
            ? "all \(first.inputs) finite non-zero inputs"
            : "\(first.inputs) sampled inputs, every 2^\(first.stride ?? 0)th bit pattern"
        var title =
            "\(first.evaluation.function.name) in \(first.evaluation.format) (\(how)): first x from 0 where"
        if surveys.contains(where: { $0.uncertain > 0 }) {
            title += "; \(surveys.map(\.uncertain).reduce(0, +)) exact results uncertain in the last bit"
        }
        return Table.render(rows, title: title, alignments: [.left], style: style)
    }

    /// An error in ulps, to 3 significant digits (`∞` where one side is not finite).
    static func ulps(_ error: Double) -> String {
        error.isInfinite ? "∞" : error == 0 ? "0" : NumberText.format(error, significantDigits: 3)
    }

    /// The header and every survey.
    package var json: JSONValue {
        .object(
            FunctionDescription(function).header + [("surveys", .array(surveys.flatMap { $0.map(\.json) }))])
    }
}

extension FormatSurvey {
    /// The survey's object in a report's JSON.
    var json: JSONValue {
        let number = { (v: Double?) in v.map(JSONValue.number) ?? .null }
        return .object([
            ("dtype", .string(evaluation.format.name)), ("arith", .string(evaluation.arithmetic.rawValue)),
            ("inputs", .number(Double(inputs))), ("exhaustive", .bool(exhaustive)),
            ("stride", stride.map { .number(Double(1 << $0)) } ?? .null),
            ("uncertain", .number(Double(uncertain))),
            (
                "thresholds",
                .array(
                    thresholds.map { t in
                        .object([
                            ("of", .string(t.part.key)), ("event", .string(t.event.text)),
                            ("negative", number(t.negative)), ("positive", number(t.positive)),
                        ])
                    })
            ),
            (
                "max_ulps",
                .array(
                    Part.allCases.map { part in
                        let w = worst(of: part)
                        return .object([
                            ("of", .string(part.key)), ("negative", number(w.negative?.ulps)),
                            ("negative_at", number(w.negative?.at)), ("positive", number(w.positive?.ulps)),
                            ("positive_at", number(w.positive?.at)),
                        ])
                    })
            ),
        ])
    }
}

extension FormatSurvey.Part {
    /// How a table names the part: f or f′.
    var symbol: String { self == .value ? "f" : "f′" }
    /// How JSON names it: f or derivative.
    var key: String { self == .value ? "f" : "derivative" }
}

extension FormatSurvey.Event {
    /// How a report names the event: `= 0`, `subnormal`, `= ±max`, `turns the wrong way`, ….
    var text: String {
        switch self {
        case .zero: "= 0"
        case .subnormal: "subnormal"
        case .largest: "= ±max"
        case .infinite: "= ±∞"
        case .nan: "NaN"
        case .identity: "= x"
        case .unit: "= ±1"
        case .againstTruth: "turns the wrong way"
        }
    }
}
