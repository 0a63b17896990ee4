/// What an expression computes with: a plain `Double`, or a ``Jet`` (value, f′, f″) for
/// second-order forward-mode automatic differentiation.
///
/// Every elementary function is written once, generically, as its value and a closure for
/// its first two derivatives at the primal value; `Double` never calls the closure, `Jet`
/// applies the chain rule: (f∘u)′ = f′(u)·u′, (f∘u)″ = f″(u)·u′² + f′(u)·u″.
protocol ExpressionScalar: Sendable {
    /// A constant.
    init(constant: Double)
    /// The variable x itself.
    init(variable: Double)
    /// The value, without derivatives.
    var primal: Double { get }
    /// f(self) for a function with the given value at the primal, and derivatives on demand.
    func applying(_ value: Double, _ derivatives: () -> (first: Double, second: Double)) -> Self
    /// A catalog function of self, through its own accurate f, f′, f″.
    func applying(_ activation: Activation) -> Self
    /// A catalog function of a block through its batch kernel; `scratch` holds 4 blocks.
    static func apply(
        _ activation: Activation, to u: UnsafeBufferPointer<Self>, into out: UnsafeMutableBufferPointer<Self>,
        scratch: UnsafeMutableBufferPointer<Double>)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
}

extension Double: ExpressionScalar {
    init(constant: Double) { self = constant }
    init(variable: Double) { self = variable }
    var primal: Double { self }

    @inline(__always)
    func applying(_ value: Double, _ derivatives: () -> (first: Double, second: Double)) -> Double { value }

    func applying(_ activation: Activation) -> Double { activation.value(at: self) }

    static func apply(
        _ activation: Activation, to u: UnsafeBufferPointer<Double>,
        into out: UnsafeMutableBufferPointer<Double>,
        scratch: UnsafeMutableBufferPointer<Double>
    ) {
        activation.evaluate(u, values: out)
    }
}

extension Jet: ExpressionScalar {
    init(constant: Double) { self.init(value: constant, derivative: 0, secondDerivative: 0) }
    init(variable: Double) { self.init(value: variable, derivative: 1, secondDerivative: 0) }
    var primal: Double { value }

    @inline(__always)
    func applying(_ value: Double, _ derivatives: () -> (first: Double, second: Double)) -> Jet {
        let (d1, d2) = derivatives()
        return chain(value, d1, d2)
    }

    func applying(_ activation: Activation) -> Jet {
        let j = activation.jet(at: value)
        return chain(j.value, j.derivative, j.secondDerivative)
    }

    static func apply(
        _ activation: Activation, to u: UnsafeBufferPointer<Jet>, into out: UnsafeMutableBufferPointer<Jet>,
        scratch: UnsafeMutableBufferPointer<Double>
    ) {
        let n = u.count
        func part(_ k: Int) -> UnsafeMutableBufferPointer<Double> {
            UnsafeMutableBufferPointer(rebasing: scratch[k * n..<(k + 1) * n])
        }
        let (primal, f, d1, d2) = (part(0), part(1), part(2), part(3))
        for i in 0..<n { primal[i] = u[i].value }
        activation.evaluate(UnsafeBufferPointer(primal), values: f, derivatives: d1, secondDerivatives: d2)
        for i in 0..<n { out[i] = u[i].chain(f[i], d1[i], d2[i]) }
    }

    /// f(u) from f, f′, f″ at u's value.
    ///
    /// A zero u′ gives zero derivatives even where f′ is
    /// infinite (a constant argument), rather than 0·∞ = NaN.
    @inline(__always)
    func chain(_ f: Double, _ d1: Double, _ d2: Double) -> Jet {
        // Outside the domain (log of a negative number) the derivatives are undefined too.
        if f.isNaN { return Jet(value: f, derivative: f, secondDerivative: f) }
        let first = derivative == 0 ? 0 : d1 * derivative
        let second =
            (derivative == 0 ? 0 : d2 * derivative * derivative)
            + (secondDerivative == 0 ? 0 : d1 * secondDerivative)
        return Jet(value: f, derivative: first, secondDerivative: second)
    }

    static func + (a: Jet, b: Jet) -> Jet {
        Jet(
            value: a.value + b.value, derivative: a.derivative + b.derivative,
            secondDerivative: a.secondDerivative + b.secondDerivative)
    }

    static func - (a: Jet, b: Jet) -> Jet {
        Jet(
            value: a.value - b.value, derivative: a.derivative - b.derivative,
            secondDerivative: a.secondDerivative - b.secondDerivative)
    }

    static func * (a: Jet, b: Jet) -> Jet {
        // Terms with a zero factor are left out, so that 0 · ∞ in an unused term is not NaN.
        func product(_ p: Double, _ q: Double) -> Double { p == 0 || q == 0 ? 0 : p * q }
        return Jet(
            value: a.value * b.value,
            derivative: product(a.derivative, b.value) + product(a.value, b.derivative),
            secondDerivative: product(a.secondDerivative, b.value) + 2 * product(a.derivative, b.derivative)
                + product(a.value, b.secondDerivative))
    }

    static func / (a: Jet, b: Jet) -> Jet {
        let q = a.value / b.value
        if b.derivative == 0 && b.secondDerivative == 0 {
            return Jet(
                value: q, derivative: a.derivative / b.value, secondDerivative: a.secondDerivative / b.value)
        }
        let q1 = (a.derivative - q * b.derivative) / b.value
        let q2 = (a.secondDerivative - 2 * q1 * b.derivative - q * b.secondDerivative) / b.value
        return Jet(value: q, derivative: q1, secondDerivative: q2)
    }

    static prefix func - (a: Jet) -> Jet {
        Jet(value: -a.value, derivative: -a.derivative, secondDerivative: -a.secondDerivative)
    }
}

extension Double {
    /// ln 2, the double nearest.
    static let ln2 = 0.6931471805599453
    /// ln 10, the double nearest.
    static let ln10 = 2.302585092994046
}

/// The elementary functions, once for every ``ExpressionScalar``.
enum ElementaryMath {
    @inline(__always)
    static func apply<T: ExpressionScalar>(_ f: Elementary, _ u: T) -> T {
        let v = u.primal
        switch f {
        case .exp:
            // Beyond ±745.2 the result is 0 or ∞: said here, libm's overflow path (errno and
            // all) is not taken, the bits are the same.
            let e = v > 710 ? .infinity : v < -746 ? 0 : exp(v)
            return u.applying(e) { (e, e) }
        case .log:
            return u.applying(log(v)) { (1 / v, -1 / (v * v)) }
        case .log1p:
            return u.applying(log1p(v)) { (1 / (1 + v), -1 / ((1 + v) * (1 + v))) }
        case .expm1:
            return u.applying(expm1(v)) {
                let e = exp(v)
                return (e, e)
            }
        case .sqrt:
            let s = v.squareRoot()
            return u.applying(s) { (0.5 / s, -0.25 / (s * s * s)) }
        case .abs:
            return u.applying(Swift.abs(v)) { (v > 0 ? 1 : v < 0 ? -1 : 0, 0) }
        case .sign:
            return u.applying(v > 0 ? 1 : v < 0 ? -1 : v) { (0, 0) }
        case .sin:
            return u.applying(sin(v)) { (cos(v), -sin(v)) }
        case .cos:
            return u.applying(cos(v)) { (-sin(v), -cos(v)) }
        case .tan:
            let t = tan(v)
            return u.applying(t) { (1 + t * t, 2 * t * (1 + t * t)) }
        case .sinh:
            return u.applying(sinh(v)) { (cosh(v), sinh(v)) }
        case .cosh:
            return u.applying(cosh(v)) { (sinh(v), cosh(v)) }
        case .tanh:
            let t = tanh(v)
            return u.applying(t) {
                // sech² = 4e/(1 + e)² with e = exp(−2|v|): no cancellation in 1 − t² for large |v|.
                let e = exp(-2 * Swift.abs(v))
                let s = 4 * e / ((1 + e) * (1 + e))
                return (s, -2 * t * s)
            }
        case .erf:
            return u.applying(erf(v)) {
                let g = 2 / Double.pi.squareRoot() * exp(-v * v)
                return (g, -2 * v * g)
            }
        case .erfc:
            return u.applying(erfc(v)) {
                let g = 2 / Double.pi.squareRoot() * exp(-v * v)
                return (-g, 2 * v * g)
            }
        case .atan, .asin, .acos, .asinh, .acosh, .atanh, .log2, .log10, .cbrt, .floor, .ceil, .round,
            .erfinv:
            return inverseOrStep(f, u)
        case .min, .max, .pow, .hypot:
            preconditionFailure("two-argument function applied to one argument")
        }
    }

    /// The inverse functions, log2, log10, cbrt, the rounding steps and erfinv.
    @inline(__always)
    static func inverseOrStep<T: ExpressionScalar>(_ f: Elementary, _ u: T) -> T {
        let v = u.primal
        switch f {
        case .atan:
            return u.applying(atan(v)) {
                let q = 1 / (1 + v * v)
                return (q, -2 * v * q * q)
            }
        case .asin, .acos:
            // (1 − v²) as (1 − v)(1 + v): exact near ±1, where the derivative blows up.
            let w = (1 - v) * (1 + v)
            let d = 1 / w.squareRoot()
            let sign: Double = f == .asin ? 1 : -1
            return u.applying(f == .asin ? asin(v) : acos(v)) { (sign * d, sign * v * d / w) }
        case .asinh:
            return u.applying(asinh(v)) {
                let w = 1 + v * v
                let d = 1 / w.squareRoot()
                return (d, -v * d / w)
            }
        case .acosh:
            return u.applying(acosh(v)) {
                let w = (v - 1) * (v + 1)
                let d = 1 / w.squareRoot()
                return (d, -v * d / w)
            }
        case .atanh:
            return u.applying(atanh(v)) {
                let q = 1 / ((1 - v) * (1 + v))
                return (q, 2 * v * q * q)
            }
        case .log2:
            return u.applying(log2(v)) { (1 / (v * Double.ln2), -1 / (v * v * Double.ln2)) }
        case .log10:
            return u.applying(log10(v)) { (1 / (v * Double.ln10), -1 / (v * v * Double.ln10)) }
        case .cbrt:
            let c = cbrt(v)
            return u.applying(c) { (1 / (3 * c * c), -2 / (9 * c * c * c * c * c)) }
        case .floor:
            return u.applying(v.rounded(.down)) { (0, 0) }
        case .ceil:
            return u.applying(v.rounded(.up)) { (0, 0) }
        case .round:
            return u.applying(v.rounded(.toNearestOrEven)) { (0, 0) }
        case .erfinv:
            let (x, correction) = inverseErrorWithCorrection(v)
            return u.applying(x) {
                // √π/2·e^{x²} with x² exact (hi + lo) and x's correction: x² is up to 1400, and
                // one ulp of x would move e^{x²} by 2x² ulps.
                let square = DoubleDouble.product(x, x)
                let e = exp(square.hi) * (1 + square.lo + 2 * x * correction)
                let d = 0.886_226_925_452_758 * e
                return (d, 2 * x * d * d)
            }
        default:
            preconditionFailure("\(f) is not an inverse or a step")
        }
    }

    /// a^b.
    ///
    /// A constant exponent uses the power rule (integer exponents work for negative a);
    /// a variable one goes through exp(b·log a).
    @inline(__always)
    static func power<T: ExpressionScalar>(_ a: T, _ b: T, constantExponent: Double?) -> T {
        let (x, y) = (a.primal, b.primal)
        if let n = constantExponent {
            let value = pow(x, n)
            return a.applying(value) {
                if n == 0 { return (0, 0) }
                let d1 = n == 1 ? 1 : n * pow(x, n - 1)
                let d2 = n == 1 ? 0 : n == 2 ? 2 : n * (n - 1) * pow(x, n - 2)
                return (d1, d2)
            }
        }
        let logarithm = a.applying(log(x)) { (1 / x, -1 / (x * x)) }
        let product = b * logarithm
        let value = pow(x, y)
        return product.applying(value) { (value, value) }
    }
}
