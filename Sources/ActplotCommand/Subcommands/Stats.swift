import ActivationCore
import ActivationPlot
import ArgumentParser

extension Actplot {
    /// `actplot stats FUNCTION...`: what each function does to a Gaussian input.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract:
                "Moments, initialisation gains, Lipschitz constants and mean-field maps under a Gaussian.",
            discussion: """
                For Z ~ N(--mean, --std²) (default N(0, 1)): E[f(Z)], E[f(Z)²], Var f(Z), E[f′(Z)] \
                and E[f′(Z)²] by adaptive Gauss–Kronrod quadrature split at the corners (relative \
                error below 1e-12, never Monte Carlo); the forward gain 1/√E[f²] (He/Kaiming: √2 \
                for relu) and the backward gain 1/√E[f′²], beside PyTorch's calculate_gain where \
                it has one; sup |f′| over the line and the extremes of f, with where they are \
                reached. --sigma-w and --sigma-b add the mean-field variance map of a deep \
                network: its fixed point q*, χ₁ (1 is the edge of chaos) and the σw that puts \
                the function there.

                Examples:
                  actplot stats gelu silu mish relu tanh selu
                  actplot stats gelu --mean 0.5 --std 2 --json
                  actplot stats tanh --sigma-w 1.5 --sigma-b 0.05
                """
        )

        @Argument(
            help: ArgumentHelp("One or more functions.", valueName: "FUNCTION"), completion: .functionNames)
        var functions: [String] = []

        @Option(parsing: .unconditional, help: ArgumentHelp("The mean μ of Z (default 0).", valueName: "μ"))
        var mean: Double = 0

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("The standard deviation σ of Z (default 1).", valueName: "σ"))
        var std: Double = 1

        @Option(
            name: .customLong("sigma-w"), parsing: .unconditional,
            help: ArgumentHelp("Weight scale σw of the mean-field map.", valueName: "σw"))
        var sigmaW: Double?

        @Option(
            name: .customLong("sigma-b"), parsing: .unconditional,
            help: ArgumentHelp("Bias scale σb of the mean-field map (default 0).", valueName: "σb"))
        var sigmaB: Double?

        @OptionGroup var others: OthersOption

        @OptionGroup var numbers: NumberOutputOptions

        func validate() throws {
            if functions.isEmpty {
                throw ValidationError("give one or more functions, e.g. actplot stats gelu silu relu")
            }
            guard mean.isFinite else {
                throw ValidationError("'--mean' must be a finite number, got \(mean)")
            }
            guard std.isFinite && std > 0 else {
                throw ValidationError(
                    "'--std' must be a positive finite number, got \(DecimalText.shortest(std))")
            }
            for (name, value) in [("--sigma-w", sigmaW), ("--sigma-b", sigmaB)] {
                if let value, !(value.isFinite && value >= 0) {
                    throw ValidationError(
                        "'\(name)' must be a finite number ≥ 0, got \(DecimalText.shortest(value))")
                }
            }
        }

        func run() throws {
            let fs = try others.activations(functions)
            let reports = try fs.map { f in
                try StatisticsReport(
                    function: f, mean: mean, std: std, meanField: sigmaW != nil || sigmaB != nil,
                    sigmaW: sigmaW, sigmaB: sigmaB ?? 0)
            }
            if numbers.json {
                try writeToStandardOutput(JSONValue.array(reports.map(\.json)).text() + "\n")
            } else {
                try writeText(StatisticsReport.text(reports, digits: numbers.precision ?? 12))
            }
        }
    }
}

/// One function's statistics, extremes and mean-field figures, as `stats` prints them.
struct StatisticsReport {
    let function: Activation
    let statistics: Result<GaussianStatistics, GaussianStatistics.Failure>
    let extrema: ActivationExtrema
    let meanField: MeanField?
    let critical: Double?
    let sigmaB: Double
    /// The input Gaussian's μ and σ (kept apart from ``statistics``, which may have failed).
    let inputMean: Double
    let inputStd: Double

    init(function: Activation, mean: Double, std: Double, meanField: Bool, sigmaW: Double?, sigmaB: Double)
        throws
    {
        self.function = function
        (inputMean, inputStd) = (mean, std)
        statistics = Result { () throws(GaussianStatistics.Failure) in
            try GaussianStatistics(of: function, mean: mean, standardDeviation: std)
        }
        extrema = ActivationExtrema(of: function)
        self.sigmaB = sigmaB
        if meanField {
            self.meanField = try sigmaW.map { try MeanField(of: function, sigmaW: $0, sigmaB: sigmaB) }
            critical = try MeanField.criticalSigmaW(of: function, sigmaB: sigmaB)
        } else {
            (self.meanField, critical) = (nil, nil)
        }
    }

    /// PyTorch's `calculate_gain` where it has one.
    var torchGain: (value: Double, note: String)? { function.torchGain }

    /// The tables of several reports.
    static func text(_ reports: [StatisticsReport], digits: Int) -> String {
        let number = { (v: Double) in Describe.number(v, digits: digits) }
        guard let first = reports.first else { return "" }
        let z = "Z ~ N(\(DecimalText.shortest(first.inputMean)), \(DecimalText.shortest(first.inputStd))²)"
        var moments = [["function", "E[f(Z)]", "E[f(Z)²]", "Var f(Z)", "E[f′(Z)]", "E[f′(Z)²]"]]
        var gains = [["function", "1/√E[f²] (forward)", "1/√E[f′²] (backward)", "torch calculate_gain"]]
        var failures: [String] = []
        var notes: [String] = []
        for r in reports {
            switch r.statistics {
            case .success(let s):
                moments.append(
                    [r.function.name]
                        + [s.mean, s.secondMoment, s.variance, s.meanSlope, s.meanSquaredSlope].map(number))
                let torch = r.torchGain
                gains.append([
                    r.function.name, number(s.forwardGain), number(s.backwardGain),
                    torch.map { number($0.value) } ?? "—",
                ])
                if let torch { notes.append("\(r.function.name): \(torch.note)") }
            case .failure(let failure):
                moments.append([r.function.name] + Array(repeating: "—", count: 5))
                gains.append([r.function.name, "—", "—", "—"])
                failures.append(failure.description)
            }
        }
        let width = TerminalEnvironment.textWidth
        var out = Table.render(moments, title: "moments, \(z)", alignments: [.left], maximumWidth: width)
        out += "\n" + Table.render(gains, title: "gains", alignments: [.left], maximumWidth: width)
        // One line each, so that the notes do not run past the tables.
        for note in notes { out += "  torch calculate_gain, \(note)\n" }
        for r in reports {
            // Self-normalising: N(0, 1) in, mean 0 and variance 1 out (selu's λ and α are made so).
            guard case .success(let s) = r.statistics, s.inputMean == 0, s.inputStandardDeviation == 1,
                abs(s.mean) < 1e-12, abs(s.variance - 1) < 1e-12
            else { continue }
            out +=
                "  \(r.function.name): (μ, ν) ↦ (E f, Var f) of N(μ, ν) has the fixed point (0, 1): "
                + "E f = \(number(s.mean)), Var f = \(number(s.variance))\n"
        }
        for failure in failures { out += "  " + failure + "\n" }
        out += "\n" + extremesTable(reports, number)
        if reports.contains(where: { $0.critical != nil || $0.meanField != nil }) {
            out += "\n" + meanFieldTable(reports, number)
        }
        return out
    }

    /// sup |f′|, min f and max f of each function, with where.
    private static func extremesTable(_ reports: [StatisticsReport], _ number: (Double) -> String) -> String {
        var extremes = [["function", "sup |f′|", "at", "min f", "at", "max f", "at"]]
        for r in reports {
            let e = r.extrema
            extremes.append([
                r.function.name, number(e.lipschitz.value), e.lipschitz.at.description,
                number(e.minimum.value),
                e.minimum.at.description, number(e.maximum.value), e.maximum.at.description,
            ])
        }
        return Table.render(
            extremes, title: "over the real line",
            alignments: [.left, .right, .left, .right, .left, .right, .left],
            maximumWidth: TerminalEnvironment.textWidth)
    }

    /// q*, χ₁ and the critical σw of each function.
    private static func meanFieldTable(_ reports: [StatisticsReport], _ number: (Double) -> String) -> String
    {
        var rows = [["function", "σw", "σb", "q*", "χ₁", "critical σw"]]
        for r in reports {
            let q = r.meanField.map { m in m.fixedPoint.map(number) ?? "∞ (no fixed point)" } ?? "—"
            let chi = r.meanField?.chi.map(number) ?? "—"
            rows.append([
                r.function.name, r.meanField.map { number($0.sigmaW) } ?? "—", number(r.sigmaB), q, chi,
                r.critical.map(number) ?? "none in [1e-3, 1e3]",
            ])
        }
        return Table.render(
            rows, title: "mean field: q ↦ σw²·E[f(√q Z)²] + σb²; χ₁ = σw²·E[f′(√q* Z)²]", alignments: [.left],
            maximumWidth: TerminalEnvironment.textWidth)
    }

    /// The report as JSON.
    var json: JSONValue {
        var members: [(String, JSONValue)] = Describe.header(function)
        switch statistics {
        case .success(let s):
            let fixed =
                s.inputMean == 0 && s.inputStandardDeviation == 1 && abs(s.mean) < 1e-12
                && abs(s.variance - 1) < 1e-12
            members.append(("self_normalizing", .bool(fixed)))
            members += [
                ("input_mean", .number(s.inputMean)), ("input_std", .number(s.inputStandardDeviation)),
                ("mean", .number(s.mean)), ("second_moment", .number(s.secondMoment)),
                ("variance", .number(s.variance)), ("mean_slope", .number(s.meanSlope)),
                ("mean_squared_slope", .number(s.meanSquaredSlope)), ("forward_gain", .number(s.forwardGain)),
                ("backward_gain", .number(s.backwardGain)), ("error_estimate", .number(s.errorEstimate)),
            ]
        case .failure(let failure):
            members.append(("error", .string(failure.description)))
        }
        members.append(("torch_gain", torchGain.map { .number($0.value) } ?? .null))
        let place = { (p: ActivationExtrema.Place) -> JSONValue in .string(p.description) }
        members += [
            ("lipschitz", .number(extrema.lipschitz.value)), ("lipschitz_at", place(extrema.lipschitz.at)),
            ("minimum", .number(extrema.minimum.value)), ("minimum_at", place(extrema.minimum.at)),
            ("maximum", .number(extrema.maximum.value)), ("maximum_at", place(extrema.maximum.at)),
        ]
        if let meanField {
            members += [
                ("sigma_w", .number(meanField.sigmaW)), ("sigma_b", .number(meanField.sigmaB)),
                ("fixed_point", meanField.fixedPoint.map(JSONValue.number) ?? .null),
                ("chi", meanField.chi.map(JSONValue.number) ?? .null),
            ]
        }
        if meanField != nil || critical != nil {
            members.append(("critical_sigma_w", critical.map(JSONValue.number) ?? .null))
        }
        return .object(members)
    }
}
