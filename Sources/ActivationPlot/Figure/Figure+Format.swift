import ActivationCore

/// Functions as a narrow format computes them (`--dtype`): their curves beside the exact ones,
/// or their errors in ulps of the format instead.
extension Figure {
    /// Adds each function's f and f′ as the format computes them, in the colours of functions
    /// `total + firstFunction`, … (after every exact curve), a note saying what the arithmetic
    /// is, and a note where a computed curve is ±∞ or NaN though the true one is finite.
    /// - Parameters:
    ///   - evaluations: Each function of the figure in the format, in order.
    ///   - names: Their names.
    ///   - firstFunction: The index of the first among all those plotted (panels use their own).
    ///   - total: How many functions are plotted in all.
    ///   - derivative: Whether to add f′ as computed.
    public mutating func addComputed(
        _ evaluations: [FormatEvaluation], names: [String], firstFunction: Int = 0, total: Int,
        derivative: Bool = true
    ) {
        guard let e = evaluations.first else { return }
        let x = series.first?.x ?? []
        let added = Self.computedSeries(
            evaluations, names: names, x: x, first: total + firstFunction, derivative: derivative,
            errors: false)
        series += added.series
        notes.append(
            Note("\(e.format.name), \(e.arithmetic.rawValue): \(e.arithmetic.summary(in: e.format.name))"))
        notes += added.notes
    }

    /// Replaces the curves by the error of f and f′ as the format computes them, in ulps of the
    /// format against the true values, in the functions' own colours.
    /// - Parameters:
    ///   - evaluations: Each function of the figure in the format, in order.
    ///   - names: Their names.
    ///   - firstFunction: The index of the first among all those plotted.
    ///   - derivative: Whether to draw f′'s error too.
    public mutating func showErrors(
        of evaluations: [FormatEvaluation], names: [String], firstFunction: Int = 0, derivative: Bool = true
    ) {
        guard let e = evaluations.first else { return }
        let x = series.first?.x ?? []
        series =
            Self.computedSeries(
                evaluations, names: names, x: x, first: firstFunction, derivative: derivative, errors: true
            ).series
        yLabel = "error (ulps of \(e.format.shortName))"
        notes = [
            Note(
                "error in ulps of \(e.format.name) against the true value; \(e.arithmetic.rawValue): "
                    + e.arithmetic.summary(in: e.format.name))
        ]
    }

    /// The curves of functions as the format computes them (or their errors), each in the
    /// colour of function `first + k`, and notes where a computed curve is not finite.
    static func computedSeries(
        _ evaluations: [FormatEvaluation], names: [String], x: [Double], first: Int, derivative: Bool,
        errors: Bool
    ) -> (series: [Series], notes: [Note]) {
        var series: [Series] = []
        var found: [NonFinite] = []
        for (k, e) in evaluations.enumerated() {
            let points = x.map(e.evaluate(at:))
            var curves: [(String, Role, [Double], [Double])] = []
            if derivative {
                let slopes = points.map { errors ? $0.signedErrors(in: e.format).derivative : $0.derivative }
                curves.append(
                    (names[k] + "′ " + e.curveSuffix, .derivative, slopes, points.map(\.exactDerivative)))
            }
            let values = points.map { errors ? $0.signedErrors(in: e.format).value : $0.value }
            curves.append((names[k] + " " + e.curveSuffix, .value, values, points.map(\.exactValue)))
            for (title, role, y, exact) in curves {
                let curve = Series(name: title, function: first + k, role: role, x: x, y: y)
                series.append(curve)
                if !errors { found += nonFinite(curve, exact: exact) }
            }
        }
        return (series, notes(merging: found))
    }
}

extension FormatEvaluation {
    /// What a curve as the format computes it is called after its function's name:
    /// `[bf16 naive]`, `[bf16 framework]`, or `[bf16 exact]` where the function has no textbook
    /// formula.
    public var curveSuffix: String {
        let named = usesFormula || arithmetic == .exact || kernel != nil
        return "[\(format.shortName) \(named ? arithmetic.rawValue : "exact")]"
    }
}

extension FormatPoint {
    /// The signed errors of f and f′ in ulps of the format at the true values (NaN where either
    /// side is not finite and they differ, which leaves a gap in a curve).
    /// - Parameter format: The format the point was computed in.
    public func signedErrors(in format: NumberFormat) -> (value: Double, derivative: Double) {
        func error(_ computed: Double, _ exact: Double) -> Double {
            guard computed.isFinite && exact.isFinite else { return computed == exact ? 0 : .nan }
            return (computed - exact) / format.ulp(of: exact)
        }
        return (error(value, exactValue), error(derivative, exactDerivative))
    }
}
