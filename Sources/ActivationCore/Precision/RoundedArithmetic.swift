/// Arithmetic in which every operation's result is rounded: the idealised machine of
/// `--arith naive` (every operation in the narrow format) and `--arith opmath` (in float32).
///
/// `+ − × ÷` are exact then rounded once, as IEEE 754 arithmetic is. The elementary
/// functions (exp, tanh, erf, …) and catalog calls are computed in double and rounded once:
/// an ideal, correctly rounded library (real ones are up to an ulp or two worse). In the
/// forward-mode derivative each rule reads the results as rounded, and reuses outputs as
/// autograd does: exp′ = the rounded exp, tanh′ = 1 − y² from the rounded y.
struct RoundedArithmetic: Sendable {
    /// The rounding of every result.
    let format: NumberFormat
    /// Whether the machine computes in float32 with FTZ and DAZ (XLA's and Eigen's CPU code):
    /// an operand below 2⁻¹²⁶ is read as zero, a result below it becomes zero before it is
    /// rounded to the format; a `select` passes its operand's bits through untouched.
    var flushes = false
    /// Whether tanh returns its argument, untouched, below 0.0004 (XLA's CPU tanh).
    var tanhPassesTinyArguments = false
    /// The elementary functions whose argument is computed in float32 and not rounded to the
    /// format (a function XLA expands in float32 reading its operand without a round trip).
    var float32Arguments: Set<Elementary> = []
    /// A framework's own float32 erf in place of the correctly rounded one (ATen's).
    var float32Erf: (@Sendable (Float) -> Float)? = nil
    /// A framework's own float32 exp, in a float32 machine (Sleef's, in torch's kernels).
    var float32Exp: (@Sendable (Float) -> Float)? = nil
    /// Whether a float32 machine fuses a product into the sum or difference that takes it, as
    /// GCC's default -ffp-contract=fast compiles torch's vectorised kernels (`1 - y*y` is one
    /// FMA).
    var contractsMultiplyAdd = false

    /// The float32 flush threshold, 2⁻¹²⁶.
    private static let float32LeastNormal = Double(Float.leastNormalMagnitude)

    /// A value rounded.
    @inline(__always)
    func r(_ v: Double) -> Double {
        if flushes && abs(v) < Self.float32LeastNormal { return v.sign == .minus ? -0.0 : 0 }
        return format.rounded(v)
    }

    /// A value as an arithmetic operation reads it: zero below 2⁻¹²⁶ when the machine flushes.
    @inline(__always)
    private func operand(_ v: Double) -> Double {
        if flushes && abs(v) < Self.float32LeastNormal { return v.sign == .minus ? -0.0 : 0 }
        return v
    }

    /// f at x (already in the format) with every operation rounded; `y` is the stored output
    /// a derivative formula reads.
    func value(_ node: ExpressionNode, x: Double, y: Double = .nan) -> Double {
        switch node {
        case .number(let c): return r(c)
        case .variable: return x
        case .output: return y
        case .negate(let a): return -value(a, x: x, y: y)
        case .chain(let first, let links):
            if contractsMultiplyAdd && format.isPlainFloat32 { return contracted(first, links, x: x, y: y) }
            var v = operand(value(first, x: x, y: y))
            for (op, term) in links { v = rounded(v, op, operand(value(term, x: x, y: y))) }
            return v
        case .power(let a, let b):
            return r(pow(operand(value(a, x: x, y: y)), operand(value(b, x: x, y: y))))
        case .elementary(let f, let arguments):
            return elementaryValue(f, arguments, x: x, y: y)
        case .activation(let f, let a): return r(f.value(at: operand(value(a, x: x, y: y))))
        case .comparison(let op, let a, let b):
            return op.holds(operand(value(a, x: x, y: y)), operand(value(b, x: x, y: y))) ? 1 : 0
        case .logical(let op, let a, let b):
            return ExpressionProgram.logical(op, value(a, x: x, y: y), value(b, x: x, y: y))
        case .not(let a): return value(a, x: x, y: y) == 0 ? 1 : 0
        case .select(let c, let a, let b):
            let condition = value(c, x: x, y: y)
            if condition.isNaN { return .nan }
            return condition != 0 ? value(a, x: x, y: y) : value(b, x: x, y: y)
        }
    }

    /// A float32 chain with each product fused into the sum or difference that takes it: a
    /// leading product into the first link (x·y + z), a product term into its link (z − x·y).
    private func contracted(
        _ first: ExpressionNode, _ links: [(BinaryOperator, ExpressionNode)], x: Double, y: Double
    )
        -> Double
    {
        /// A product's last factor split off: (everything before it, the factor).
        func product(_ node: ExpressionNode) -> (Double, Double)? {
            guard case .chain(let a, let factors) = node, let last = factors.last, last.0 == .multiply else {
                return nil
            }
            let head =
                factors.count == 1 ? value(a, x: x, y: y) : value(.chain(a, factors.dropLast()), x: x, y: y)
            return (head, value(last.1, x: x, y: y))
        }
        var v: Double
        var rest = links[...]
        if let (op, term) = links.first, op == .add || op == .subtract, let (p, q) = product(first) {
            let w = Float(value(term, x: x, y: y))
            v = Double((op == .add ? w : -w).addingProduct(Float(p), Float(q)))
            rest = links.dropFirst()
        } else {
            v = value(first, x: x, y: y)
        }
        for (op, term) in rest {
            if op == .add || op == .subtract, let (p, q) = product(term) {
                v = Double(Float(v).addingProduct(Float(op == .add ? p : -p), Float(q)))
                continue
            }
            v = rounded(v, op, value(term, x: x, y: y))
        }
        return v
    }

    /// v op w, rounded.
    @inline(__always)
    private func rounded(_ v: Double, _ op: BinaryOperator, _ w: Double) -> Double {
        switch op {
        case .add: r(v + w)
        case .subtract: r(v - w)
        case .multiply: r(v * w)
        case .divide: r(v / w)
        }
    }

    /// An elementary function's value with its arguments read as the machine reads them.
    private func elementaryValue(_ f: Elementary, _ arguments: [ExpressionNode], x: Double, y: Double)
        -> Double
    {
        var inner = self
        if float32Arguments.contains(f) {
            inner = RoundedArithmetic(
                format: .float32, flushes: flushes, tanhPassesTinyArguments: tanhPassesTinyArguments)
        }
        var u = arguments.map { inner.value($0, x: x, y: y) }
        if tanhPassesTinyArguments && f == .tanh && abs(u[0]) < 0.0004 { return u[0] }
        if flushes { u = u.map(operand) }
        if f == .erf, let float32Erf { return r(Double(float32Erf(Float(u[0])))) }
        if f == .exp, let float32Exp, format.isPlainFloat32 { return r(Double(float32Exp(Float(u[0])))) }
        switch f {
        case .min: return ExpressionProgram.minimum(u[0], u[1])
        case .max: return ExpressionProgram.maximum(u[0], u[1])
        case .pow: return r(pow(u[0], u[1]))
        case .hypot: return r(hypot(u[0], u[1]))
        default: return r(ElementaryMath.apply(f, u[0]))
        }
    }

    /// f and f′ at x (already in the format) by forward-mode differentiation with every
    /// operation rounded, each rule reading rounded results.
    func dual(_ node: ExpressionNode, x: Double) -> (value: Double, derivative: Double) {
        switch node {
        case .number(let c): return (r(c), 0)
        case .variable: return (x, 1)
        case .output: preconditionFailure("y appears only in written derivative formulas")
        case .negate(let a):
            let u = dual(a, x: x)
            return (-u.value, -u.derivative)
        case .chain(let first, let links):
            var v = dual(first, x: x)
            for (op, operand) in links { v = combine(v, op, dual(operand, x: x)) }
            return v
        case .power(let a, let b): return power(dual(a, x: x), dual(b, x: x))
        case .elementary(let f, let arguments):
            let u = arguments.map { dual($0, x: x) }
            switch f {
            case .min, .max:
                let (p, q) = (u[0], u[1])
                if p.value.isNaN || q.value.isNaN { return (.nan, .nan) }
                if p.value == q.value { return (p.value, r((p.derivative + q.derivative) / 2)) }
                return (p.value < q.value) == (f == .min) ? p : q
            case .pow: return power(u[0], u[1])
            case .hypot:
                let ((a, da), (b, db)) = (u[0], u[1])
                let h = r(hypot(a, b))
                return (h, r(r(r(a * da) + r(b * db)) / h))
            default: return elementary(f, u[0])
            }
        case .activation(let f, let a):
            let u = dual(a, x: x)
            let j = f.jet(at: u.value)
            return (r(j.value), r(r(j.derivative) * u.derivative))
        case .comparison, .logical, .not: return (value(node, x: x), 0)
        case .select(let c, let a, let b):
            let condition = value(c, x: x)
            if condition.isNaN { return (.nan, .nan) }
            return condition != 0 ? dual(a, x: x) : dual(b, x: x)
        }
    }

    /// u op w with the derivative's products and sums rounded.
    private func combine(
        _ u: (value: Double, derivative: Double), _ op: BinaryOperator,
        _ w: (value: Double, derivative: Double)
    ) -> (value: Double, derivative: Double) {
        switch op {
        case .add: return (r(u.value + w.value), r(u.derivative + w.derivative))
        case .subtract: return (r(u.value - w.value), r(u.derivative - w.derivative))
        case .multiply:
            return (r(u.value * w.value), r(r(u.derivative * w.value) + r(u.value * w.derivative)))
        case .divide:
            // (u′ − q·w′)/w with the quotient q as stored.
            let q = r(u.value / w.value)
            return (q, r(r(u.derivative - r(q * w.derivative)) / w.value))
        }
    }

    /// u^w: a constant exponent by the power rule n·u^(n−1), else through exp(w·log u).
    private func power(
        _ u: (value: Double, derivative: Double), _ w: (value: Double, derivative: Double)
    ) -> (value: Double, derivative: Double) {
        let v = r(pow(u.value, w.value))
        if w.derivative == 0 {
            let n = w.value
            return (v, n == 0 ? 0 : r(r(n * r(pow(u.value, n - 1))) * u.derivative))
        }
        let rate = r(r(w.derivative * r(log(u.value))) + r(r(w.value * u.derivative) / u.value))
        return (v, r(v * rate))
    }

    /// An elementary function of u, its derivative as autograd forms it from rounded results.
    private func elementary(_ f: Elementary, _ u: (value: Double, derivative: Double)) -> (
        value: Double, derivative: Double
    ) {
        let (a, da) = u
        let v = r(ElementaryMath.apply(f, a))
        let slope: Double
        switch f {
        case .exp: slope = v
        case .expm1: slope = r(v + 1)
        case .log: return (v, r(da / a))
        case .log1p: return (v, r(da / r(1 + a)))
        case .sqrt: return (v, r(da / r(2 * v)))
        case .abs: slope = a > 0 ? 1 : a < 0 ? -1 : 0
        case .sign: slope = 0
        case .sin: slope = r(cos(a))
        case .cos: slope = -r(sin(a))
        case .tan: slope = r(1 + r(v * v))
        case .sinh: slope = r(cosh(a))
        case .cosh: slope = r(sinh(a))
        case .tanh: slope = r(1 - r(v * v))
        case .erf, .erfc:
            let g = r(r(2 / Double.pi.squareRoot()) * r(exp(r(-r(a * a)))))
            slope = f == .erf ? g : -g
        case .atan: return (v, r(da / r(1 + r(a * a))))
        case .asin: return (v, r(da / r(r(1 - r(a * a)).squareRoot())))
        case .acos: return (v, -r(da / r(r(1 - r(a * a)).squareRoot())))
        case .asinh: return (v, r(da / r(r(r(a * a) + 1).squareRoot())))
        case .acosh: return (v, r(da / r(r(r(a * a) - 1).squareRoot())))
        case .atanh: return (v, r(da / r(1 - r(a * a))))
        case .log2: return (v, r(da / r(a * r(Double.ln2))))
        case .log10: return (v, r(da / r(a * r(Double.ln10))))
        case .cbrt: return (v, r(da / r(3 * r(v * v))))
        case .floor, .ceil, .round: slope = 0
        case .erfinv: slope = r(r(Double.pi.squareRoot() / 2) * r(exp(r(v * v))))
        case .min, .max, .pow, .hypot: preconditionFailure("two-argument function applied to one argument")
        }
        return (v, r(slope * da))
    }
}
