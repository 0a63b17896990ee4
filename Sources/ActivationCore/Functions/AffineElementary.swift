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

    init(_ value: Double) {
        self.value = value
        self.logarithm = value == -1 ? 1 : log(value)
    }

    /// Whether the base is e (given as −1), whose powers are `exp` and whose logarithm is 1.
    var isE: Bool { value == -1 }
}

/// ln 2 as a double-double, to scale logarithms by powers of two exactly.
private let ln2 = DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56)

/// Caffe's Power layer, (shift + scale·x)^power.
///
/// ```
/// f = t^p    f′ = p·s·t^(p−1) = p·s·f/t    f″ = (p − 1)·s·f′/t      t = shift + s·x
/// ```
/// With t = hi + lo, t^p = pow(hi, p)·(1 + lo/hi)^p: pow rounds once and the correction is
/// below an ulp of it. f′ and f″ divide by t rather than calling pow with p − 1 (whose
/// rounding would cost |ln t| ulps); where f has overflowed or flushed to 0 they fall back on
/// pow(t, p − 1). t < 0 with a non-integer power is NaN (as in Caffe); power = 0 is 1
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
        return raised(t, exponent, to: power)
    }

    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if power == 0 || scale == 0 {
            return Jet(value: value(at: x), derivative: 0, secondDerivative: 0)
        }
        if power == 1 { return Jet(value: value(at: x), derivative: scale, secondDerivative: 0) }
        let (t, exponent) = scaledAffine(x, scale: scale, shift: shift)
        let f = raised(t, exponent, to: power)
        let firstFactor = power * scale
        let secondFactor = (power - 1) * scale
        guard t.hi != 0, f.isFinite, f != 0 else {
            // At the root, or where t^p has left the doubles: the powers themselves.
            let first = firstFactor * raised(t, exponent, to: power - 1)
            let second = firstFactor * secondFactor * raised(t, exponent, to: power - 2)
            return Jet(value: f, derivative: first, secondDerivative: second)
        }
        // 1/t, with t = (hi + lo)·2^exponent; the power of two last, where it is exact.
        let inverse = 1 / t.hi * (1 - t.lo / t.hi)
        let scaleDown = exponent == 0 ? 1 : 0x1p-128
        let first = firstFactor * (f * inverse) * scaleDown
        return Jet(
            value: f, derivative: first, secondDerivative: secondFactor * (first * inverse) * scaleDown)
    }
}

/// Caffe's Exp layer, base^(shift + scale·x), where base −1 (Caffe's default) means e.
///
/// ```
/// f = b^t    f′ = s·ln b·f    f″ = (s·ln b)²·f      t = shift + s·x
/// ```
/// With t = hi + lo, b^t = pow(b, hi)·(1 + lo·ln b) (for e: exp(hi)·(1 + lo)): the relative
/// error of b^t is the absolute error of t·ln b, so t must be known beyond double precision
/// (t = 700 rounded to a double already costs hundreds of ulps). At the defaults it is e^x,
/// bit for bit the catalog's exponential.
struct AffineExponential: ScalarKernel {
    var base: CaffeBase
    var scale: Double
    var shift: Double

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        let t = affine(x, scale: scale, shift: shift)
        let raised = base.isE ? exp(t.hi) : pow(base.value, t.hi)
        guard t.lo != 0, raised.isFinite, raised != 0 else { return raised }
        return raised * (1 + t.lo * base.logarithm)
    }

    func jet(at x: Double) -> Jet {
        let f = value(at: x)
        guard scale != 0, base.logarithm != 0 else {
            return Jet(value: f, derivative: x.isNaN ? x : 0, secondDerivative: x.isNaN ? x : 0)
        }
        let rate = scale * base.logarithm
        return Jet(value: f, derivative: rate * f, secondDerivative: rate * (rate * f))
    }
}

/// Caffe's Log layer, log_base(shift + scale·x), where base −1 (Caffe's default) means e.
///
/// ```
/// f = ln t / ln b    f′ = s/(t·ln b)    f″ = −s·f′/t      t = shift + s·x
/// ```
/// With t = hi + lo, ln t = log(hi) + lo/hi: log of the double alone would lose everything
/// past the rounding of t where f is near 0 (t near 1). t < 0 is NaN and t = 0 gives −∞ (as
/// in Caffe); f′ and f″ are NaN where f is.
struct AffineLogarithm: ScalarKernel {
    var base: CaffeBase
    var scale: Double
    var shift: Double

    /// ln t for t = part·2^exponent.
    @inline(__always)
    private func naturalLog(_ t: DoubleDouble, _ exponent: Double) -> Double {
        guard t.hi > 0, t.hi.isFinite else { return log(t.hi) }
        let l = log(t.hi)
        let correction = t.lo / t.hi
        if exponent == 0 { return l + correction }
        let sum = DoubleDouble.sum(l, ln2.hi * exponent)
        return sum.hi + (sum.lo + correction + ln2.lo * exponent)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        let (t, exponent) = scaledAffine(x, scale: scale, shift: shift)
        let l = naturalLog(t, exponent)
        return base.isE ? l : l / base.logarithm
    }

    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let f = value(at: x)
        let (t, exponent) = scaledAffine(x, scale: scale, shift: shift)
        guard t.hi >= 0 else { return Jet(nan: .nan) }
        // 1/t, with t = (hi + lo)·2^exponent; the power of two last, where it is exact.
        let inverse = t.hi == 0 ? 1 / t.hi : 1 / t.hi * (1 - t.lo / t.hi)
        let scaleDown = exponent == 0 ? 1 : 0x1p-128
        let first = scale * inverse / base.logarithm * scaleDown
        return Jet(value: f, derivative: first, secondDerivative: -scale * (first * inverse) * scaleDown)
    }
}

extension CatalogEntry {
    /// The parameters of an affine input, shared by the three layers.
    private static func affineParameters() -> (scale: Parameter, shift: Parameter) {
        (
            Parameter.real("scale", 1, .finite, "multiplies x"),
            Parameter.real("shift", 0, .finite, "is added to scale·x")
        )
    }

    /// Caffe's Power layer: not a catalog function, computed for `caffe.Power`.
    static let affinePower: CatalogEntry = {
        let power = Parameter.real("power", 1, .finite, "the exponent")
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
            makeKernel: { a in AffinePower(power: a[power], scale: a[scale], shift: a[shift]) })
    }()

    /// Caffe's Exp layer: not a catalog function, computed for `caffe.Exp`.
    static let affineExponential: CatalogEntry = {
        let base = Parameter.real("base", -1, .finite, "the base; -1 means e")
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
            makeKernel: { a in AffineExponential(base: CaffeBase(a[base]), scale: a[scale], shift: a[shift]) }
        )
    }()

    /// Caffe's Log layer: not a catalog function, computed for `caffe.Log`.
    static let affineLogarithm: CatalogEntry = {
        let base = Parameter.real("base", -1, .finite, "the base; -1 means e")
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
            makeKernel: { a in AffineLogarithm(base: CaffeBase(a[base]), scale: a[scale], shift: a[shift]) })
    }()
}
