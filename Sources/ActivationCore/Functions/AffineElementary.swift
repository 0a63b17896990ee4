/// The affine input t = shift + scale·x of Caffe's Power, Exp and Log layers, in double-double.
///
/// scale·x is formed exactly (a fused multiply-add gives its rounding error) and shift is added
/// exactly, so t carries about 106 bits: near the root of t, where `shift + scale*x` in double
/// keeps only the rounding error of scale·x, t is still exact to the last bit, and
/// log(1 + 5e-11) is 4.999999999875e-11, not the 5.000000413576855e-11 that log of the rounded sum gives.
@inline(__always)
private func affine(_ x: Double, scale: Double, shift: Double) -> DoubleDouble {
    let t = DoubleDouble.product(scale, x).plus(DoubleDouble(shift))
    // An exact zero is +0, so that log t and t^p at the root do not depend on the sign of x.
    return t.hi == 0 ? DoubleDouble(0) : t
}

/// t as ``affine(_:scale:shift:)`` gives it, or where scale·x overflows (x within a factor
/// |scale| of the largest double) t·2^-128 with `exponent` 128, so that √t and log t, which
/// are doubles there, are not lost to an intermediate ∞.
@inline(__always)
private func scaledAffine(_ x: Double, scale: Double, shift: Double) -> (t: DoubleDouble, exponent: Double) {
    let t = affine(x, scale: scale, shift: shift)
    guard !t.hi.isFinite, x.isFinite else { return (t, 0) }
    return (affine(x * 0x1p-128, scale: scale, shift: shift * 0x1p-128), 128)
}

/// The base of Caffe's Exp and Log layers: a number > 0, or −1 (their default) for e.
struct CaffeBase: Sendable {
    /// The base as given; −1 stands for e.
    let value: Double
    /// ln base: exactly 1 for e.
    let logarithm: Double
    /// ln base and 1/ln base to 106 bits (1/ln 1 is ∞).
    let precise: (logarithm: DoubleDouble, inverse: DoubleDouble)

    init(_ value: Double) {
        self.value = value
        self.logarithm = value == -1 ? 1 : log(value)
        let l = value == -1 ? DoubleDouble(1) : DoubleDouble.log(DoubleDouble(value))  // ln 1 = 0
        self.precise = (l, l.hi == 0 ? DoubleDouble(.infinity) : l.reciprocal)
    }

    /// Whether the base is e (given as −1), whose powers are `exp` and whose logarithm is 1.
    var isE: Bool { value == -1 }

    /// scale·x + shift as formula text, without the parts that are 1 and 0.
    static func affine(_ scale: Double, _ shift: Double) -> String {
        let product = scale == 1 ? "x" : NaiveFormula.literal(scale) + "*x"
        return shift == 0 ? product : product + " + " + NaiveFormula.literal(shift)
    }
}

/// ln t for t = part·2^exponent (exponent 0 or 128), in double-double; t > 0 and finite.
@inline(__always)
private func preciseLog(_ t: DoubleDouble, _ exponent: Double) -> DoubleDouble {
    let l = DoubleDouble.log(t)
    return exponent == 0 ? l : l.plus(DoubleDouble.ln2.times(exponent))
}

/// Caffe's Power layer, (shift + scale·x)^power.
///
/// ```
/// f = t^p    f′ = p·s·t^(p−1) = p·s·f/t    f″ = (p − 1)·s·f′/t      t = shift + s·x
/// ```
/// f, f′ and f″ are e^{q·ln|t|} for q = p, p − 1, p − 2 (each q exact in double-double, ln|t|
/// from t's 106 bits) times a sign and a double-double factor, rounded once by
/// `DoubleDouble.scaledExp`, so none of them depends on an intermediate 1/t or t^p that could
/// underflow or overflow; at t = 0, for tiny or infinite t they are pow's. t < 0 with a
/// non-integer power is NaN (as in Caffe); power = 0 is 1
/// everywhere and scale = 0 is the constant shift^power, both with f′ = 0 (Caffe's special
/// cases). Caffe itself computes f′ as power·y/x when shift = 0, which is NaN at x = 0.
struct AffinePower: ScalarKernel {
    var power: Double
    var scale: Double
    var shift: Double

    /// t^p from the two parts of t; NaN for t < 0 and a power that is not whole (C's pow gives
    /// +∞ for t = −∞ there).
    @inline(__always)
    private func raised(_ t: DoubleDouble, to p: Double) -> Double {
        if t.hi < 0 && p.rounded(.towardZero) != p { return .nan }
        let base = pow(t.hi, p)
        guard t.lo != 0, base.isFinite, base != 0 else { return base }
        let ratio = t.lo / t.hi
        return base * (abs(p) <= 1024 ? 1 + p * ratio : exp(p * log1p(ratio)))
    }

    /// t^p for t = part·2^exponent.
    @inline(__always)
    private func raised(_ part: DoubleDouble, _ exponent: Double, to p: Double) -> Double {
        let raisedPart = raised(part, to: p)
        return exponent == 0 ? raisedPart : raisedPart * pow(2, exponent * p)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        if power == 0 { return 1 }
        if scale == 0 { return pow(shift, power) }
        let (t, exponent) = scaledAffine(x, scale: scale, shift: shift)
        if power == 1 { return exponent == 0 ? t.hi : t.hi * 0x1p128 }
        guard let l = logarithm(t, exponent) else { return raised(t, exponent, to: power) }
        return DoubleDouble.scaledExp(l.times(power), times: DoubleDouble(sign(t, DoubleDouble(power))))
    }

    /// ln|t| in double-double, or nil where t is 0, tiny or infinite, or t^p is NaN (t < 0 and p
    /// not whole), which pow answers.
    @inline(__always)
    private func logarithm(_ t: DoubleDouble, _ exponent: Double) -> DoubleDouble? {
        guard abs(t.hi) >= 0x1p-1000, t.hi.isFinite, t.hi > 0 || power.rounded(.towardZero) == power else {
            return nil
        }
        return preciseLog(t.hi < 0 ? t.negated : t, exponent)
    }

    /// The sign of t^q for a whole or non-negative-t q: −1 when t < 0 and q is odd.
    @inline(__always)
    private func sign(_ t: DoubleDouble, _ q: DoubleDouble) -> Double {
        t.hi < 0 && abs(q.hi.truncatingRemainder(dividingBy: 2)) == 1 ? -1 : 1
    }

    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if power == 0 || scale == 0 {
            return Jet(value: value(at: x), derivative: 0, secondDerivative: 0)
        }
        if power == 1 { return Jet(value: value(at: x), derivative: scale, secondDerivative: 0) }
        let (t, exponent) = scaledAffine(x, scale: scale, shift: shift)
        guard let l = logarithm(t, exponent) else {
            // At the root, or where t is tiny or infinite or t^p NaN: the powers themselves.
            let firstFactor = power * scale
            let first = firstFactor * raised(t, exponent, to: power - 1)
            let second = firstFactor * (power - 1) * scale * raised(t, exponent, to: power - 2)
            return Jet(value: raised(t, exponent, to: power), derivative: first, secondDerivative: second)
        }
        // f = t^p, f′ = p·s·t^(p−1), f″ = p(p − 1)s²·t^(p−2), each e^{q·ln|t|} times a sign and a
        // factor, so that no 1/t can underflow or overflow on the way.
        let (p1, p2) = (DoubleDouble.sum(power, -1), DoubleDouble.sum(power, -2))
        let first = DoubleDouble.product(power, scale)
        let second = first.times(p1).times(scale)
        return Jet(
            value: DoubleDouble.scaledExp(l.times(power), times: DoubleDouble(sign(t, DoubleDouble(power)))),
            derivative: DoubleDouble.scaledExp(l.times(p1), times: first.times(sign(t, p1))),
            secondDerivative: DoubleDouble.scaledExp(l.times(p2), times: second.times(sign(t, p2))))
    }
}

/// Caffe's Exp layer, base^(shift + scale·x), where base −1 (Caffe's default) means e.
///
/// ```
/// f = b^t    f′ = s·ln b·f    f″ = (s·ln b)²·f      t = shift + s·x
/// ```
/// f, f′ and f″ are e^{t·ln b} times 1, s·ln b and (s·ln b)², with t·ln b and the factors in
/// double-double, each rounded once by `DoubleDouble.scaledExp`: the relative error of b^t is
/// the absolute error of t·ln b, so t must be known beyond double precision (t = 700 rounded
/// to a double already costs hundreds of ulps).
struct AffineExponential: ScalarKernel {
    var base: CaffeBase
    var scale: Double
    var shift: Double

    /// t·ln b in double-double (t itself for e).
    @inline(__always)
    private func exponent(_ x: Double) -> DoubleDouble {
        let t = affine(x, scale: scale, shift: shift)
        return base.isE ? t : t.times(base.precise.logarithm)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        if base.logarithm == 0 { return 1 }  // 1^t, even for infinite t (as C's pow)
        return DoubleDouble.scaledExp(exponent(x), times: DoubleDouble(1))
    }

    func jet(at x: Double) -> Jet {
        let f = value(at: x)
        guard scale != 0, base.logarithm != 0 else {
            return Jet(value: f, derivative: x.isNaN ? x : 0, secondDerivative: x.isNaN ? x : 0)
        }
        if x.isNaN { return Jet(nan: x) }
        let y = exponent(x)
        let rate = base.precise.logarithm.times(scale)  // s·ln b
        return Jet(
            value: f, derivative: DoubleDouble.scaledExp(y, times: rate),
            secondDerivative: DoubleDouble.scaledExp(y, times: rate.squared))
    }
}

/// Caffe's Log layer, log_base(shift + scale·x), where base −1 (Caffe's default) means e.
///
/// ```
/// f = ln t / ln b    f′ = s/(t·ln b)    f″ = −s·f′/t      t = shift + s·x
/// ```
/// ln t is `DoubleDouble.log` of t's 106 bits, and within 2⁻²⁰ of t = 1, where f is near 0,
/// log1p of t − 1 formed directly from shift − 1 and scale·x (t itself holds t − 1 only to
/// 2⁻¹⁰⁶ absolute); f′ and f″ are double-double too. t < 0 is NaN and t = 0 gives −∞ (as
/// in Caffe); f′ and f″ are NaN where f is.
struct AffineLogarithm: ScalarKernel {
    var base: CaffeBase
    var scale: Double
    var shift: Double

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        let (t, exponent) = scaledAffine(x, scale: scale, shift: shift)
        guard t.hi > 0, t.hi.isFinite else { return log(t.hi) }  // −∞ at 0, NaN below, ∞ at ∞
        let l: DoubleDouble
        if exponent == 0 && abs(t.hi - 1) < 0x1p-20 {
            // ln t is about t − 1, which t's 106 bits hold only to 2⁻¹⁰⁶ absolute: log1p of
            // u = (shift − 1) + scale·x, formed directly
            l = DoubleDouble.log1p(DoubleDouble.product(scale, x).plus(DoubleDouble.sum(shift, -1)))
        } else {
            l = preciseLog(t, exponent)
        }
        return base.isE ? l.value : l.times(base.precise.inverse).value
    }

    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let f = value(at: x)
        let (t, exponent) = scaledAffine(x, scale: scale, shift: shift)
        guard t.hi >= 0 else { return Jet(nan: .nan) }
        guard t.hi >= 0x1p-1000, t.hi.isFinite else {
            let first = scale / t.hi / base.logarithm
            return Jet(value: f, derivative: first, secondDerivative: -scale * first / t.hi)
        }
        // f′ = s/(t·ln b), f″ = −s·f′/t; 1/t = (1/part)·2^−exponent
        let inverse = t.reciprocal.times(exponent == 0 ? 1 : 0x1p-128)
        let first = inverse.times(scale).times(base.precise.inverse)
        return Jet(
            value: f, derivative: first.value, secondDerivative: first.times(inverse).times(-scale).value)
    }
}

extension CatalogEntry {
    /// The parameters of an affine input, shared by the three layers.
    private static func affineParameters() -> (scale: Parameter, shift: Parameter) {
        (
            Parameter.real(.scale, 1, .finite, "multiplies x"),
            Parameter.real(.shift, 0, .finite, "is added to scale·x")
        )
    }

    /// Caffe's Power layer: not a catalog function, computed for `caffe.Power`.
    static let affinePower: CatalogEntry = {
        let power = Parameter.real(.power, 1, .finite, "the exponent")
        let (scale, shift) = affineParameters()
        return CatalogEntry(
            name: "affine_power", family: .elementary, formula: "f(x) = (shift + scale*x)^power",
            parameters: [power, scale, shift],
            notes: """
                Caffe's Power layer, a power of an affine input: at its defaults the identity; \
                power 2 squares, power 0.5 takes a square root (NaN where shift + scale·x < 0). \
                A neuron layer for rescaling rather than an activation, so it is not in the catalog.
                """,
            smoothness: { _ in .smooth },
            naive: { a in
                let (p, u) = (NaiveFormula.literal(a[power]), CaffeBase.affine(a[scale], a[shift]))
                return NaiveFormula(
                    value: "(\(u))^\(p)",
                    derivative: "\(p)*\(NaiveFormula.literal(a[scale]))*(\(u))^(\(p) - 1)")
            },
            makeKernel: { a in AffinePower(power: a[power], scale: a[scale], shift: a[shift]) })
    }()

    /// Caffe's Exp layer: not a catalog function, computed for `caffe.Exp`.
    static let affineExponential: CatalogEntry = {
        let base = Parameter.real(.base, -1, .finite, "the base; -1 means e")
        let (scale, shift) = affineParameters()
        return CatalogEntry(
            name: "affine_exp", family: .elementary,
            formula: "f(x) = base^(shift + scale*x) (base -1: e)",
            parameters: [base, scale, shift],
            notes: """
                Caffe's Exp layer, an exponential of an affine input; at its defaults e^x, the \
                catalog's exponential. Overflows to +∞ where (shift + scale·x)·ln base > 709.78.
                """,
            smoothness: { _ in .smooth },
            validate: { a throws(ActivationError) in
                try a.require(a[base] == -1 || a[base] > 0, base, "a number > 0, or -1 for e")
            },
            naive: { a in
                // Caffe's forward: outer·exp(inner·x), inner = ln(base)·scale, outer = base^shift.
                let base = CaffeBase(a[base])
                let inner = NaiveFormula.literal(base.logarithm * a[scale])
                let outer = a[shift] == 0 ? "" : NaiveFormula.literal(exp(base.logarithm * a[shift])) + "*"
                return NaiveFormula(value: "\(outer)exp(\(inner)*x)", derivative: "y*\(inner)")
            },
            makeKernel: { a in AffineExponential(base: CaffeBase(a[base]), scale: a[scale], shift: a[shift]) }
        )
    }()

    /// Caffe's Log layer: not a catalog function, computed for `caffe.Log`.
    static let affineLogarithm: CatalogEntry = {
        let base = Parameter.real(.base, -1, .finite, "the base; -1 means e")
        let (scale, shift) = affineParameters()
        return CatalogEntry(
            name: "affine_log", family: .elementary,
            formula: "f(x) = log_base(shift + scale*x) (base -1: e)",
            parameters: [base, scale, shift],
            notes: """
                Caffe's Log layer, a logarithm of an affine input; at its defaults ln x. NaN \
                where shift + scale·x < 0 and −∞ where it is 0.
                """,
            smoothness: { _ in .smooth },
            validate: { a throws(ActivationError) in
                try a.require(
                    a[base] == -1 || (a[base] > 0 && a[base] != 1), base,
                    "a number > 0 other than 1, or -1 for e")
            },
            naive: { a in
                // Caffe's forward: log(scale·x + shift)·(1/ln base); backward scale/ln base over it.
                let base = CaffeBase(a[base])
                let u = CaffeBase.affine(a[scale], a[shift])
                let inverse = base.isE ? "" : "*" + NaiveFormula.literal(1 / base.logarithm)
                return NaiveFormula(
                    value: "log(\(u))\(inverse)",
                    derivative: "\(NaiveFormula.literal(a[scale] / base.logarithm))/(\(u))")
            },
            makeKernel: { a in AffineLogarithm(base: CaffeBase(a[base]), scale: a[scale], shift: a[shift]) })
    }()
}
