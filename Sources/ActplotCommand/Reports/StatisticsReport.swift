import ActivationCore

/// What each of several functions does to a Gaussian input (`actplot stats`): moments, gains,
/// extremes over the line and, when asked, the mean-field map.
///
/// Its JSON is an array, one object per function: the ``FunctionDescription`` header, then
/// `self_normalizing`, `input_mean`, `input_std`, `mean`, `second_moment`, `variance`,
/// `mean_slope`, `mean_squared_slope`, `forward_gain`, `backward_gain`, `error_estimate` (or
/// `error` where the moments diverge), `torch_gain`, `lipschitz`, `lipschitz_at`, `minimum`,
/// `minimum_at`, `maximum`, `maximum_at`, and with the mean field `sigma_w`, `sigma_b`,
/// `fixed_point`, `chi` and `critical_sigma_w`.
package struct StatisticsReport: Report {
    /// One function's figures.
    package struct Entry {
        /// The function.
        let function: Activation
        /// Its moments, or why there are none.
        let statistics: Result<GaussianStatistics, GaussianStatistics.Failure>
        /// sup |f′| and the extremes of f over the line.
        let extrema: ActivationExtrema
        /// The mean-field map at σw and σb, when σw is given.
        let meanField: MeanField?
        /// The σw at the edge of chaos, when the mean field is asked for.
        let critical: Double?

        /// PyTorch's `calculate_gain` where it has one.
        var torchGain: Activation.TorchGain? { function.torchGain }
    }

    /// The functions' figures, in order.
    let entries: [Entry]
    /// The input's μ and σ.
    let inputMean: Double
    let inputStd: Double
    /// The mean field's σb (0 by default).
    let sigmaB: Double
    /// Significant digits of the text.
    let digits: Int

    /// The statistics of each function under Z ~ N(`mean`, `std`²).
    /// - Parameters:
    ///   - functions: The functions.
    ///   - mean: μ.
    ///   - std: σ.
    ///   - sigmaW: The mean field's σw, or nil.
    ///   - sigmaB: The mean field's σb, or nil.
    ///   - digits: Significant digits of the text.
    /// - Throws: The library's error when the mean field cannot be computed.
    package init(
        of functions: [Activation], mean: Double, std: Double, sigmaW: Double?, sigmaB: Double?, digits: Int
    ) throws {
        let meanField = sigmaW != nil || sigmaB != nil
        let b = sigmaB ?? 0
        entries = try functions.map { f in
            Entry(
                function: f,
                statistics: Result { () throws(GaussianStatistics.Failure) in
                    try GaussianStatistics(of: f, mean: mean, standardDeviation: std)
                },
                extrema: ActivationExtrema(of: f),
                meanField: meanField ? try sigmaW.map { try MeanField(of: f, sigmaW: $0, sigmaB: b) } : nil,
                critical: meanField ? try MeanField.criticalSigmaW(of: f, sigmaB: b) : nil)
        }
        (inputMean, inputStd, self.sigmaB, self.digits) = (mean, std, b, digits)
    }

    /// The tables: moments, gains, extremes and the mean field, with their notes.
    package func text(in style: TextStyle) -> String {
        let number = { (v: Double) in NumberText.described(v, digits: digits) }
        let z = "Z ~ N(\(DecimalText.shortest(inputMean)), \(DecimalText.shortest(inputStd))²)"
        var moments = [["function", "E[f(Z)]", "E[f(Z)²]", "Var f(Z)", "E[f′(Z)]", "E[f′(Z)²]"]]
        var gains = [["function", "1/√E[f²] (forward)", "1/√E[f′²] (backward)", "torch calculate_gain"]]
        var notes: [String] = []
        var failures: [String] = []
        for r in entries {
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
                if let torch { notes.append("  torch calculate_gain, \(r.function.name): \(torch.note)\n") }
            case .failure(.partial(_, let values)):
                moments.append([r.function.name] + values.map { $0.map(number) ?? "—" })
                let gain = { (second: Double?) in second.map { number(1 / $0.squareRoot()) } ?? "—" }
                gains.append([r.function.name, gain(values[1]), gain(values[4]), "—"])
                failures.append(
                    "  "
                        + GaussianStatistics.Failure.partial(function: r.function.name, moments: values)
                        .description + "\n")
            case .failure(let failure):
                moments.append([r.function.name] + Array(repeating: "—", count: 5))
                gains.append([r.function.name, "—", "—", "—"])
                failures.append("  " + failure.description + "\n")
            }
        }
        var out = Table.render(moments, title: "moments, \(z)", alignments: [.left], style: style)
        out += "\n" + Table.render(gains, title: "gains", alignments: [.left], style: style)
        // One line each, so that the notes do not run past the tables.
        out += notes.joined()
        for r in entries {
            guard case .success(let s) = r.statistics, s.isSelfNormalizing else { continue }
            out +=
                "  \(r.function.name): (μ, ν) ↦ (E f, Var f) of N(μ, ν) has the fixed point (0, 1): "
                + "E f = \(number(s.mean)), Var f = \(number(s.variance))\n"
        }
        out += failures.joined()
        out += "\n" + extremesTable(number, style)
        if entries.contains(where: { $0.critical != nil || $0.meanField != nil }) {
            out += "\n" + meanFieldTable(number, style)
        }
        return out
    }

    /// sup |f′|, min f and max f of each function, with where.
    private func extremesTable(_ number: (Double) -> String, _ style: TextStyle) -> String {
        var rows = [["function", "sup |f′|", "at", "min f", "at", "max f", "at"]]
        for r in entries {
            let e = r.extrema
            rows.append([
                r.function.name, number(e.lipschitz.value), e.lipschitz.at.description,
                number(e.minimum.value), e.minimum.at.description, number(e.maximum.value),
                e.maximum.at.description,
            ])
        }
        return Table.render(
            rows, title: "over the real line",
            alignments: [.left, .right, .left, .right, .left, .right, .left],
            style: style)
    }

    /// q*, χ₁ and the critical σw of each function.
    private func meanFieldTable(_ number: (Double) -> String, _ style: TextStyle) -> String {
        var rows = [["function", "σw", "σb", "q*", "χ₁", "critical σw"]]
        for r in entries {
            let q = r.meanField.map { m in m.fixedPoint.map(number) ?? "∞ (no fixed point)" } ?? "—"
            rows.append([
                r.function.name, r.meanField.map { number($0.sigmaW) } ?? "—", number(sigmaB), q,
                r.meanField?.chi.map(number) ?? "—", r.critical.map(number) ?? "none in [1e-3, 1e3]",
            ])
        }
        return Table.render(
            rows, title: "mean field: q ↦ σw²·E[f(√q Z)²] + σb²; χ₁ = σw²·E[f′(√q* Z)²]", alignments: [.left],
            style: style)
    }

    /// An array of one object per function.
    package var json: JSONValue { .array(entries.map(\.json)) }
}

extension StatisticsReport.Entry {
    /// The function's object in the report's JSON.
    var json: JSONValue {
        var members = FunctionDescription(function).header
        switch statistics {
        case .success(let s):
            members += [
                ("self_normalizing", .bool(s.isSelfNormalizing)),
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
