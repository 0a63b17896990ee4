import ActivationCore
import ActivationPlot
import ArgumentParser

/// Plots in a narrow format (`--dtype`): each function as the format computes it beside its
/// exact curve, or (`--error`) the error in ulps of the format against x.
extension PlotJob {
    /// The format and arithmetic of the run, or nil without --dtype.
    func formatEvaluations(_ functions: [(name: String, function: Activation)]) throws -> [FormatEvaluation]?
    {
        let o = options
        if o.error && o.precision.dtype == nil {
            throw ValidationError("'--error' draws the error in ulps of a format: add --dtype bf16")
        }
        guard let format = try o.precision.format() else { return nil }
        let arithmetic = try o.precision.arithmetic()
        return functions.map { FormatEvaluation($0.function, format: format, arithmetic: arithmetic) }
    }

    /// `bf16 naive`: what a format curve is called after its function's name.
    static func suffix(_ e: FormatEvaluation) -> String {
        "[\(e.format.shortName) \(e.usesFormula || e.arithmetic == .exact ? e.arithmetic.rawValue : "exact")]"
    }

    /// The signed error of a computed value in ulps of the format at the true value (NaN where
    /// either is not finite, which leaves a gap).
    static func signedError(_ computed: Double, _ exact: Double, _ format: NumberFormat) -> Double {
        guard computed.isFinite && exact.isFinite else { return computed == exact ? 0 : .nan }
        return (computed - exact) / format.ulp(of: exact)
    }

    /// The curves of functions as the format computes them (or their errors), each in the
    /// colour of function `first + k`, and notes where a computed curve is not finite.
    static func formatSeries(
        _ evaluations: [FormatEvaluation], names: [String], x: [Double], first: Int, derivative: Bool,
        error: Bool
    ) -> (series: [Figure.Series], notes: [Figure.Note]) {
        var series: [Figure.Series] = []
        var notes: [Figure.Note] = []
        for (k, e) in evaluations.enumerated() {
            let points = x.map(e.evaluate(at:))
            let name = names[k] + " " + suffix(e)
            let values =
                error ? points.map { signedError($0.value, $0.exactValue, e.format) } : points.map(\.value)
            let slopes =
                error
                ? points.map { signedError($0.derivative, $0.exactDerivative, e.format) }
                : points.map(\.derivative)
            var curves = [(name, Figure.Role.value, values, points.map(\.exactValue))]
            if derivative {
                curves.insert(
                    (names[k] + "′ " + suffix(e), .derivative, slopes, points.map(\.exactDerivative)), at: 0)
            }
            for (title, role, y, exact) in curves {
                series.append(Figure.Series(name: title, function: first + k, role: role, x: x, y: y))
                if !error,
                    let note = nonFiniteNote(title, function: first + k, x: x, computed: y, exact: exact)
                {
                    notes.append(note)
                }
            }
        }
        return (series, notes)
    }

    /// The figure with the format's curves added (or, with --error, made of the errors only).
    func addingFormat(
        _ figure: Figure, _ evaluations: [FormatEvaluation], names: [String], firstFunction: Int, total: Int
    ) -> Figure {
        let o = options
        var figure = figure
        let x = figure.series.first?.x ?? []
        guard let e = evaluations.first else { return figure }
        let how =
            switch e.arithmetic {
            case .exact: "the true values rounded once"
            case .naive: "textbook formulas, every operation in \(e.format.name)"
            case .opmath: "textbook formulas in float32, input and output in \(e.format.name)"
            }
        if o.error {
            figure.series =
                Self.formatSeries(
                    evaluations, names: names, x: x, first: firstFunction, derivative: !o.noDerivative,
                    error: true
                ).series
            figure.yLabel = "error (ulps of \(e.format.shortName))"
            figure.notes = [
                Figure.Note(
                    "error in ulps of \(e.format.name) against the true value; \(e.arithmetic.rawValue): \(how)"
                )
            ]
        } else {
            let added = Self.formatSeries(
                evaluations, names: names, x: x, first: total + firstFunction, derivative: !o.noDerivative,
                error: false)
            figure.series += added.series
            figure.notes.append(Figure.Note("\(e.format.name), \(e.arithmetic.rawValue): \(how)"))
            figure.notes += added.notes
        }
        return figure
    }

    /// Where a curve as the format computes it is ±∞ or NaN (so not drawn) though the exact
    /// value is finite: the sample nearest 0 on each side where that starts.
    static func nonFiniteNote(
        _ name: String, function: Int, x: [Double], computed: [Double], exact: [Double]
    ) -> Figure.Note? {
        var starts: [(x: Double, what: String)] = []
        for positive in [false, true] {
            let side = x.indices.filter { x[$0] != 0 && (x[$0] > 0) == positive }
            let ordered = positive ? side : side.reversed()
            if let i = ordered.first(where: { !computed[$0].isFinite && exact[$0].isFinite }) {
                starts.append((x[i], computed[i].isNaN ? "NaN" : computed[i] > 0 ? "+∞" : "−∞"))
            }
        }
        guard !starts.isEmpty else { return nil }
        let text = starts.map {
            "\($0.what) from the sample at x = \(String(Describe.number($0.x, digits: 5).map { $0 == "-" ? "−" : $0 }))"
        }
        return Figure.Note("\(name) = " + text.joined(separator: ", ") + " (not drawn)", function: function)
    }

    /// The CSV of a run in a format: x, then per function f and f′, and f and f′ as the format
    /// computes them (or their errors in ulps with --error).
    func writeFormatTable(_ plan: Plan, _ evaluations: [FormatEvaluation]) throws {
        let o = options
        let sampling = try o.sampling(o.interval, default: 101, limit: Self.chartSampleLimit)
        var header = ["x"]
        for (item, e) in zip(plan.functions, evaluations) {
            let tag = o.error ? " ulps " + Self.suffix(e) : " " + Self.suffix(e)
            header += [item.name] + (o.noDerivative ? [] : [item.name + "'"])
            header += [item.name + tag] + (o.noDerivative ? [] : [item.name + "'" + tag])
        }
        var text = header.map(CSVTable.field).joined(separator: ",") + "\n"
        for x in sampling {
            var row = [DecimalText.shortest(x)]
            for e in evaluations {
                let p = e.evaluate(at: x)
                let jet = e.function.jet(at: x)
                row +=
                    [DecimalText.shortest(jet.value)]
                    + (o.noDerivative ? [] : [DecimalText.shortest(jet.derivative)])
                let (v, d) =
                    o.error
                    ? (
                        Self.signedError(p.value, p.exactValue, e.format),
                        Self.signedError(p.derivative, p.exactDerivative, e.format)
                    )
                    : (p.value, p.derivative)
                row += [DecimalText.shortest(v)] + (o.noDerivative ? [] : [DecimalText.shortest(d)])
            }
            text += row.joined(separator: ",") + "\n"
        }
        try emit(plan) { $0.write(text) }
    }
}
