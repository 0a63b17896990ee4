/// What an activation does to a Gaussian input Z ~ N(μ, σ²): its moments and the gains that
/// keep a layer's second moments at 1.
///
/// ```swift
/// let s = try GaussianStatistics(of: try Catalog.activation("relu"))
/// s.mean            // 0.3989422804014327 : E[f(Z)] = 1/√(2π)
/// s.secondMoment    // 0.5
/// s.forwardGain     // 1.4142135623730951 : √2, He/Kaiming's gain
/// ```
/// Each expectation is ∫ g(μ + σt)·φ(t) dt by adaptive Gauss–Kronrod quadrature over
/// t ∈ [−40, 40] (φ(40) < 1e-347, so nothing beyond counts), split at the function's corners
/// and at 0, ±1, ±2, ±4, ±8, ±16. The variance is a second pass, E[(f − E f)²], so that it
/// does not cancel. Never Monte Carlo.
public struct GaussianStatistics: Sendable, Hashable {
    /// μ, the mean of Z.
    public let inputMean: Double
    /// σ, the standard deviation of Z.
    public let inputStandardDeviation: Double
    /// E[f(Z)].
    public let mean: Double
    /// E[f(Z)²].
    public let secondMoment: Double
    /// Var f(Z) = E[(f(Z) − E f)²].
    public let variance: Double
    /// E[f′(Z)].
    public let meanSlope: Double
    /// E[f′(Z)²].
    public let meanSquaredSlope: Double
    /// The largest error estimate among the five: relative, or absolute where a value is 0 (or
    /// below a thousandth of ∫|g|, as E[tanh(Z)]).
    public let errorEstimate: Double
    /// Points at which f was evaluated.
    public let evaluations: Int

    /// He/Kaiming's forward gain 1/√E[f(Z)²]: √2 for relu.
    public var forwardGain: Double { 1 / secondMoment.squareRoot() }
    /// The backward gain 1/√E[f′(Z)²], which keeps gradients' second moment.
    public var backwardGain: Double { 1 / meanSquaredSlope.squareRoot() }

    /// How close E[f] must be to 0 and Var f to 1, absolutely, for ``isSelfNormalizing``:
    /// 1e-12, the quadrature's tolerance.
    public static let selfNormalizingTolerance = 1e-12

    /// Whether the function is self-normalising: N(0, 1) in, mean 0 and variance 1 out, to
    /// ``selfNormalizingTolerance`` (selu's λ and α are made so); false for any other input.
    public var isSelfNormalizing: Bool {
        inputMean == 0 && inputStandardDeviation == 1 && abs(mean) < Self.selfNormalizingTolerance
            && abs(variance - 1) < Self.selfNormalizingTolerance
    }

    /// Why statistics could not be computed.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// f or f′ is NaN or infinite where Z has weight: the moments diverge or overflow.
        case diverges(function: String)
        /// The quadrature did not reach its tolerance.
        case inaccurate(function: String, error: Double)
        /// Some moments exist and others diverge or overflow: E[f], E[f²], Var f, E[f′], E[f′²]
        /// in order, nil where one does not (gelu at σ = 1e300: E[f] ≈ 4.0e299, E[f²] overflows).
        case partial(function: String, moments: [Double?])

        /// One line for a person.
        public var description: String {
            switch self {
            case .diverges(let name):
                "\(name): its moments under this Gaussian diverge or overflow a double "
                    + "(f or f′ is infinite or NaN where the input has weight)"
            case .inaccurate(let name, let error):
                "\(name): the quadrature reached only \(error) relative error"
            case .partial(let name, let moments):
                "\(name): " + Self.missing(moments)
                    + " diverge or overflow a double here; the others are shown"
            }
        }

        /// The names of the moments that are nil, as a sentence lists them.
        static func missing(_ moments: [Double?]) -> String {
            let names = ["E[f]", "E[f²]", "Var f", "E[f′]", "E[f′²]"]
            let gone = zip(names, moments).filter { $0.1 == nil }.map(\.0)
            guard let last = gone.last, gone.count > 1 else { return gone.first ?? "" }
            return gone.dropLast().joined(separator: ", ") + " and " + last
        }
    }

    /// The statistics of `function` at Z ~ N(mean, standardDeviation²).
    /// - Throws: ``Failure`` when a moment diverges or the quadrature cannot reach 1e-12.
    public init(of function: Activation, mean: Double = 0, standardDeviation: Double = 1) throws(Failure) {
        precondition(
            mean.isFinite && standardDeviation.isFinite && standardDeviation > 0, "a proper Gaussian")
        let (mu, sigma) = (mean, standardDeviation)
        let normalization = 1 / (2 * Double.pi).squareRoot()
        let quadrature = GaussKronrod(components: 4) { t, out in
            let weight = normalization * Self.gaussian(t)
            // 0·(anything) is 0 where φ underflows: no weight, no contribution, no evaluation.
            guard weight > 0 else {
                for k in 0..<4 { out[k] = 0 }
                return
            }
            let jet = function.jet(at: mu + sigma * t)
            out[0] = jet.value * weight
            out[1] = jet.value * jet.value * weight
            out[2] = jet.derivative * weight
            out[3] = jet.derivative * jet.derivative * weight
        }
        let breakpoints = Self.breakpoints(of: function, mean: mu, standardDeviation: sigma)
        let (result, _) = quadrature.integrate(breakpoints: breakpoints)
        guard result.finite else {
            throw Self.separately(function, mean: mu, standardDeviation: sigma, breakpoints: breakpoints)
        }
        let m = result.integrals[0]
        // Var = E[(f − m)²], its own adaptive pass: E[f²] − m² would cancel (sigmoid loses a digit).
        let centred = GaussKronrod(components: 1) { t, out in
            let weight = normalization * Self.gaussian(t)
            guard weight > 0 else {
                out[0] = 0
                return
            }
            let d = function.value(at: mu + sigma * t) - m
            out[0] = d * d * weight
        }
        let (second, _) = centred.integrate(breakpoints: breakpoints)
        let (variance, varianceError) = (second.integrals[0], second.errors[0])
        // Relative to the value; absolute where the value is (nearly) 0 against ∫|g|.
        let scale = { (i: Double, m: Double) in abs(i) >= 1e-3 * m ? abs(i) : 1 }
        let relativeErrors =
            (0..<4).map { result.errors[$0] / scale(result.integrals[$0], result.magnitudes[$0]) }
            + [varianceError / scale(variance, second.magnitudes[0])]
        let worst = relativeErrors.max() ?? 0
        guard worst <= 1e-12 || (result.converged && second.converged) else {
            throw .inaccurate(function: function.name, error: worst)
        }
        // A value no larger than its own error (E[tanh(Z)] = 0 comes out as ±1e-17) is 0.
        let snapped = { (k: Int) in
            let value = result.integrals[k]
            return abs(value) <= max(result.errors[k], 1e-15 * result.magnitudes[k]) ? 0 : value
        }
        inputMean = mu
        inputStandardDeviation = sigma
        self.mean = snapped(0)
        secondMoment = result.integrals[1]
        self.variance = variance
        meanSlope = snapped(2)
        meanSquaredSlope = result.integrals[3]
        errorEstimate = worst
        evaluations = result.evaluations + second.evaluations
    }

    /// The moments one by one, when together they were not finite: each that exists to 1e-12
    /// (``Failure/partial(function:moments:)``), or ``Failure/diverges(function:)`` if none does.
    static func separately(
        _ function: Activation, mean mu: Double, standardDeviation sigma: Double, breakpoints: [Double]
    ) -> Failure {
        let normalization = 1 / (2 * Double.pi).squareRoot()
        // The worst relative error of a moment that is finite but missed its tolerance.
        var unsettled: Double?
        func moment(_ g: @escaping (Double) -> Double) -> Double? {
            let quadrature = GaussKronrod(components: 1) { t, out in
                let weight = normalization * gaussian(t)
                out[0] = weight > 0 ? g(mu + sigma * t) * weight : 0
            }
            let (r, _) = quadrature.integrate(breakpoints: breakpoints)
            guard r.finite, r.integrals[0].isFinite else { return nil }
            let scale = abs(r.integrals[0]) >= 1e-3 * r.magnitudes[0] ? abs(r.integrals[0]) : 1
            guard r.converged || r.errors[0] <= 1e-12 * scale else {
                unsettled = max(unsettled ?? 0, r.errors[0] / scale)
                return nil
            }
            return abs(r.integrals[0]) <= max(r.errors[0], 1e-15 * r.magnitudes[0]) ? 0 : r.integrals[0]
        }
        let m = moment { function.value(at: $0) }
        let square = moment { x in
            let v = function.value(at: x)
            return v * v
        }
        let variance = m.flatMap { m in
            square == nil
                ? nil
                : moment { x in
                    let d = function.value(at: x) - m
                    return d * d
                }
        }
        let slope = moment { function.derivative(at: $0) }
        let squaredSlope = moment { x in
            let d = function.derivative(at: x)
            return d * d
        }
        let moments = [m, square, variance, slope, squaredSlope]
        guard moments.allSatisfy({ $0 == nil }) else {
            return .partial(function: function.name, moments: moments)
        }
        // Never "diverge" for a moment that was only not settled (sin(1/x)'s E[f] exists).
        return unsettled.map { .inaccurate(function: function.name, error: $0) }
            ?? .diverges(function: function.name)
    }

    /// e^{−t²/2}.
    @inline(__always)
    static func gaussian(_ t: Double) -> Double { exp(-0.5 * t * t) }

    /// [−40, 40] in t, split at the corners of f (mapped to t), at 1e-2 … 1e-10 either side of
    /// each, and at a few fixed points.
    static func breakpoints(of function: Activation, mean: Double, standardDeviation: Double) -> [Double] {
        let fixed: [Double] = [-40, -16, -8, -4, -2, -1, 0, 1, 2, 4, 8, 16, 40]
        // Around a corner, a geometric ladder: a cusp there (nalu's (|x| + ε)^W) needs no halving
        // from the unit scale down to ε.
        let corners = function.corners.map { ($0 - mean) / standardDeviation }.filter { abs($0) < 40 }
        let ladders = corners.flatMap { c in [1e-2, 1e-4, 1e-6, 1e-8, 1e-10].flatMap { [c - $0, c + $0] } }
        return Array(Set(fixed + corners + ladders)).filter { abs($0) <= 40 }.sorted()
    }
}
