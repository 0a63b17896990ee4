// The few numerically careful building blocks the catalog functions share. Each one
// states the error it keeps bounded; "ulp" is a unit in the last place of the result.

/// 1/√(2π), the standard normal density at 0.
let inverseSqrtTwoPi = 0.398_942_280_401_432_677_94

/// 1/√2 to about 106 bits.
let inverseSqrtTwo = DoubleDouble(0.707_106_781_186_547_57, -4.833_646_656_726_456_7e-17)

/// √2 to about 106 bits.
let sqrtTwo = DoubleDouble(1.414_213_562_373_095_1, -9.667_293_313_452_913_4e-17)

/// 2/√π, the derivative of erfc at 0 up to sign.
let twoOverSqrtPi = 1.128_379_167_095_512_6

/// The logistic sigmoid σ(x) = 1/(1 + e^−x), with no overflow and full relative accuracy
/// in both tails (`e^x·(1/(1 + e^x))` for x < 0); the same roundings as ``LogisticPair``.
@inline(__always)
func logistic(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e * (1 / (1 + e))
}

/// σ(x) and σ(−x) = 1 − σ(x) together, each with full relative accuracy (no `1 − σ`).
struct LogisticPair {
    /// σ(x).
    var positive: Double
    /// σ(−x).
    var negative: Double

    @inline(__always)
    init(_ x: Double) {
        // From |x| = 746 on, e^{−|x|} < 2⁻¹⁰⁷⁶ rounds to 0: said here, libm's underflow path
        // (errno and all) is not taken for half of float32's inputs.
        let e = abs(x) < 746 ? exp(-abs(x)) : 0
        let a = 1 / (1 + e)
        let b = e * a
        if x >= 0 {
            (positive, negative) = (a, b)
        } else if x < 0 {
            (positive, negative) = (b, a)
        } else {
            (positive, negative) = (x, x)
        }
    }

    /// σ and its complement at `v.hi + v.lo`, to first order in `v.lo`:
    /// σ(h + l) = σ(h)·(1 + l·σ(−h)).
    @inline(__always)
    init(_ v: DoubleDouble) {
        self.init(v.hi)
        if v.lo != 0 {
            let p = positive
            positive += p * (v.lo * negative)
            negative -= negative * (v.lo * p)
        }
    }

    /// σ′ = σ(x)·σ(−x), never 0 where the true value is a normal number.
    @inline(__always)
    var derivative: Double { positive * negative }
}

/// a·e^y with one final rounding when the result is subnormal.
///
/// `a * exp(y)` would round `exp(y)` to a subnormal first and lose up to |a| ulps of the
/// result; splitting `e^y = e^{y/2}·e^{y/2}` keeps every intermediate a normal number.
@inline(__always)
func scaledExp(_ y: Double, times a: Double) -> Double {
    if y > -700 { return a * exp(y) }
    if y < -1500 { return a.isNaN || y.isNaN ? .nan : a.sign == .minus ? -0.0 : 0 }
    let h = exp(y * 0.5)
    return (a * h) * h
}

/// a·e^{−k·z²} for k = 1 or 1/2, with z² split exactly (z² = p + e by a fused multiply-add).
///
/// Rounding z² alone would put an absolute error of k·z²·2⁻⁵³ into the exponent, that is
/// hundreds of ulps once k·z² is in the hundreds.
@inline(__always)
func scaledExpOfNegativeSquare(_ z: Double, k: Double, times a: Double) -> Double {
    let p = z * z
    guard p.isFinite else { return p.isNaN || a.isNaN ? .nan : a.sign == .minus ? -0.0 : 0 }
    let e = (-p).addingProduct(z, z)
    return scaledExp(-k * p, times: a * (1 - k * e))
}

/// The normal density φ(x) = e^{−x²/2}/√(2π), times `a`.
@inline(__always)
func gaussian(_ x: Double, times a: Double = 1) -> Double {
    scaledExpOfNegativeSquare(x, k: 0.5, times: a * inverseSqrtTwoPi)
}

/// The tail ratio R(t) = (1 − Φ(t))/φ(t) (Mills' ratio) for t ≥ 20, by Laplace's continued
/// fraction R = 1/(t + 1/(t + 2/(t + 3/(t + …)))), evaluated backwards.
@inline(__always)
func millsRatio(_ t: Double) -> Double {
    var r = 0.0
    var k = 40.0
    while k >= 1 {
        r = k / (t + r)
        k -= 1
    }
    return 1 / (t + r)
}

/// erfc(zh + zl) for a double-double argument, to first order in zl:
/// erfc(zh + zl) = erfc(zh) − zl·(2/√π)·e^{−zh²}.
@inline(__always)
func complementaryError(_ z: DoubleDouble) -> Double {
    let base = erfc(z.hi)
    guard z.lo != 0 else { return base }
    return base - scaledExpOfNegativeSquare(z.hi, k: 1, times: z.lo * twoOverSqrtPi)
}

/// The standard normal distribution Φ(x) = ½·erfc(−x/√2), with −x/√2 formed to 106 bits so
/// that the far tail keeps its relative accuracy; below x = −20 it is φ(x)·R(−x).
@inline(__always)
func normalDistribution(_ x: Double) -> Double {
    if x < -20 { return gaussian(x, times: millsRatio(-x)) }
    let z = inverseSqrtTwo.times(-x)
    return 0.5 * complementaryError(z)
}

/// tanh′(x) = sech²x = 4u/(1 + u)² with u = e^{−2|x|}: never 0 where the true value is normal.
@inline(__always)
func hyperbolicSecantSquared(_ x: Double) -> Double {
    let u = exp(-2 * abs(x))
    let d = 1 + u
    return 4 * u / (d * d)
}

/// erf⁻¹(y) for y in [−1, 1] (±∞ at ±1, NaN outside), to about an ulp.
func inverseError(_ y: Double) -> Double { inverseErrorWithCorrection(y).value }

/// erf⁻¹(y) and the part of it below the result's last bit: x + correction is erf⁻¹(y) to
/// about 2⁻⁶⁰ relative, as the derivatives √π/2·e^{x²} need where x² is large.
///
/// Giles' single-precision approximation ("Approximating the erfinv function", 2010) as the
/// start, then Newton steps in double on erf(x) = y, or on erfc(x) = 1 − y for |y| ≥ 1/2,
/// where 1 − y is exact and erf(x) − y would cancel, until a step is below an ulp (up to 8:
/// near ±1 the start is 3e-3 off and Newton gains a factor x·error each step).
func inverseErrorWithCorrection(_ y: Double) -> (value: Double, correction: Double) {
    if y.isNaN || Swift.abs(y) > 1 { return (.nan, 0) }
    if Swift.abs(y) == 1 { return (y * .infinity, 0) }
    if y == 0 { return (y, 0) }
    if y < 0 {
        let (x, c) = inverseErrorWithCorrection(-y)
        return (-x, -c)
    }
    var w = -log((1 - y) * (1 + y))
    var p: Double
    if w < 5 {
        w -= 2.5
        p = 2.81022636e-08
        for c in [
            3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503,
            -0.00417768164, 0.246640727, 1.50140941,
        ] {
            p = c + p * w
        }
    } else {
        w = w.squareRoot() - 3
        p = -0.000200214257
        for c in [
            0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613,
            0.00943887047, 1.00167406, 2.83297682,
        ] {
            p = c + p * w
        }
    }
    var x = p * y
    let slopeScale = 2 / Double.pi.squareRoot()
    var step = 0.0
    for _ in 0..<8 {
        let slope = slopeScale * exp(-x * x)
        guard slope > 0 else { break }
        let residual = y < 0.5 ? erf(x) - y : (1 - y) - erfc(x)
        step = -residual / slope
        let next = x + step
        if next == x { break }
        x = next
        step = 0
    }
    return (x, step)
}
