/// JAX 0.10.2 under `jax.jit` on XLA's CPU backend, from its source: `jax/_src/nn/functions.py`
/// (the formulas), `jax/_src/lax/lax.py` and `lax/special.py` (each primitive's JVP rule and
/// the lowering of `logistic` and `integer_pow`), `jax/_src/lax/other.py` (logaddexp and its
/// custom JVP).
///
/// Every HLO operation is rounded to the format (XLA computes a bfloat16 or float16 operation
/// in float32 and rounds it back; for + − × ÷ of format values that double rounding is
/// innocuous), constants are the format's (`_const(x, c)`, weak-typed Python scalars), and
/// float32 subnormals are flushed, as XLA's CPU code runs with FTZ and DAZ: a bfloat16
/// subnormal input is read as zero and a result below 2⁻¹²⁶ becomes zero (float16 subnormals
/// are float32 normals and survive).
///
/// f′ is what `jax.vjp` with a cotangent of 1 computes: the transpose of each primitive's JVP
/// rule, chained through the function's own graph in reverse, every operation in the format,
/// cotangents reaching x summed in the order the transpose meets them (a tree's last use
/// first). Each derivative formula below is that chain written out; the comments give the
/// rules it comes from.
extension FrameworkKernel {
    /// The catalog functions JAX's presets compute that have a kernel here.
    static let jaxEntries: [CatalogEntry] = [
        .sigmoid, .tanh, .relu, .relu6, .leakyReLU, .gelu, .silu, .mish, .softplus, .elu, .celu, .selu,
        .hardSwish, .hardSigmoid, .logSigmoid, .softsign,
    ]

    /// JAX's kernel for a preset's function in a format.
    static func jax(_ function: Activation, _ format: NumberFormat) -> FrameworkKernel? {
        guard keepsFrameworkParameters(function, honouring: [.leakyReLU, .gelu, .elu, .celu]) else {
            return nil
        }
        return jaxSmooth(function, format) ?? jaxExponential(function, format)
            ?? jaxPiecewise(function, format)
    }

    /// A JAX kernel: every operation in the format, float32 subnormals flushed.
    private static func xla(
        _ value: String, _ derivative: String, _ source: String, float32Arguments: Set<Elementary> = []
    ) -> FrameworkKernel {
        FrameworkKernel(
            .jax, Step(value, .format), Step(derivative, .format), source: source,
            flushesFloat32Subnormals: true,
            float32Arguments: float32Arguments)
    }

    /// expm1(u) as XLA's CPU emitter writes it (ElementalIrEmitter::EmitExpm1), in its type.
    ///
    /// tanh(u/2)·(exp(u) + 1), exp(u) − 1 above ½, u where u/2 underflows. A float16 or
    /// float32 expm1 runs it in that type; bfloat16 runs it in float32 and rounds once
    /// (correctly rounded expm1 stands for it).
    private static func expm1(_ u: String, _ format: NumberFormat) -> String {
        guard format != .bfloat16 else { return "expm1(\(u))" }
        return "(\(u)*0.5 == 0 ? \(u) : (abs(\(u)) > 0.5 ? exp(\(u)) - 1 : tanh(\(u)*0.5)*(exp(\(u)) + 1)))"
    }

    /// A division by 6 as XLA's simplifier leaves it: a product with 1/6 in the type it runs in
    /// (float32 for bfloat16, which is then rounded once: the division stands for it).
    private static func sixth(_ format: NumberFormat) -> String {
        format == .bfloat16 ? "/6" : "*" + NaiveFormula.literal(format.rounded(1.0 / 6))
    }

    /// logistic, tanh, silu, mish, softplus, log_sigmoid and gelu.
    private static func jaxSmooth(_ function: Activation, _ format: NumberFormat) -> FrameworkKernel? {
        switch function.entry.name {
        case CatalogEntry.sigmoid.name:
            // logistic lowers to 1/(1 + exp(−x)); its JVP rule: g·(ans·(1 − ans)).
            return xla("1/(1 + exp(-x))", "y*(1 - y)", "jax.nn.sigmoid = lax.logistic (logistic_impl)")
        case CatalogEntry.tanh.name:
            // tanh's JVP rule (g + g·ans)·(1 − ans), transposed: c + c·ans with c = 1 − ans.
            return xla("tanh(x)", "(1 - y) + (1 - y)*y", "jnp.tanh; tanh_p's JVP rule")
        case CatalogEntry.silu.name:
            // x·σ(x): the product's transpose gives σ first, then x·(σ·(1 − σ)).
            let s = "(1/(1 + exp(-x)))"
            return xla("x*\(s)", "\(s) + x*(\(s)*(1 - \(s)))", "jax.nn.silu = x·sigmoid(x)")
        case CatalogEntry.softplus.name:
            // logaddexp(x, 0) = max(x, 0) + log1p(exp(−|x − 0|)); custom JVP: g·exp(x − out).
            return xla(
                "max(x, 0) + log1p(exp(-abs(x)))", "exp(x - y)",
                "jax.nn.softplus = jnp.logaddexp(x, 0) (lax/other.py, custom JVP)")
        case CatalogEntry.logSigmoid.name:
            // −softplus(−x): the two negations cancel in the cotangent, exp(−x − softplus(−x)).
            let softplus = "(max(-x, 0) + log1p(exp(-abs(-x))))"
            return xla(
                "-\(softplus)", "exp(-x - \(softplus))", "jax.nn.log_sigmoid = −softplus(−x)")
        case CatalogEntry.mish.name:
            // x·tanh(softplus(x)): σ-free; the cotangent reaches x as t, then through tanh's rule
            // and logaddexp's JVP, ((x·(1 − t)) + (x·(1 − t))·t)·exp(x − softplus).
            let softplus = "(max(x, 0) + log1p(exp(-abs(x))))"
            let t = "tanh(\(softplus))"
            let a = "(x*(1 - \(t)))"
            return xla(
                "x*\(t)", "\(t) + (\(a) + \(a)*\(t))*exp(x - \(softplus))",
                "jax.nn.mish = x·tanh(softplus(x))")
        case CatalogEntry.gelu.name:
            return jaxGELU(function, format)
        default:
            return nil
        }
    }

    /// elu, selu and celu: expm1 on a masked input.
    private static func jaxExponential(_ function: Activation, _ format: NumberFormat) -> FrameworkKernel? {
        switch function.entry.name {
        case CatalogEntry.elu.name:
            // where(x > 0, x, α·expm1(where(x > 0, 0, x))); expm1's rule g·(ans + 1).
            let alpha = literal(function, .alpha)
            let e = expm1("x", format)
            return xla(
                "x > 0 ? x : \(alpha)*\(e)", "x > 0 ? 1 : \(alpha)*(\(e) + 1)",
                "jax.nn.elu (jnp.where, lax.expm1)")
        case CatalogEntry.selu.name:
            // λ·elu(x, α): λ and α rounded to the format and multiplied separately.
            let (alpha, scale) = (literal(function, .alpha), literal(function, .lambda))
            let e = expm1("x", format)
            return xla(
                "\(scale)*(x > 0 ? x : \(alpha)*\(e))", "x > 0 ? \(scale) : \(alpha)*\(scale)*(\(e) + 1)",
                "jax.nn.selu = λ·elu(x, α)")
        case CatalogEntry.celu.name:
            // max(x, 0) + α·expm1(min(x, 0)/α); max's and min's rules split a tie: ½ each at 0.
            let alpha = literal(function, .alpha)
            let e = expm1("(min(x, 0)/\(alpha))", format)
            return xla(
                "max(x, 0) + \(alpha)*\(e)",
                "\(alpha)*(\(e) + 1)/\(alpha)*(x < 0 ? 1 : (x == 0 ? 0.5 : 0))"
                    + " + (x > 0 ? 1 : (x == 0 ? 0.5 : 0))",
                "jax.nn.celu; max_p's and min_p's JVP (_balanced_eq)")
        default:
            return nil
        }
    }

    /// relu, relu6 (custom JVPs), leaky_relu, hard_sigmoid, hard_silu and soft_sign.
    private static func jaxPiecewise(_ function: Activation, _ format: NumberFormat) -> FrameworkKernel? {
        let sixth = sixth(format)
        switch function.entry.name {
        case CatalogEntry.relu.name:
            return xla("max(x, 0)", "x > 0 ? 1 : 0", "jax.nn.relu (custom JVP: select(x > 0, g, 0))")
        case CatalogEntry.relu6.name:
            return xla(
                "min(max(x, 0), 6)", "x > 0 && x < 6 ? 1 : 0",
                "jax.nn.relu6 (custom JVP: select(0 < x < 6, g, 0))")
        case CatalogEntry.leakyReLU.name:
            let slope = literal(function, .alpha)
            return xla(
                "x >= 0 ? x : \(slope)*x", "x >= 0 ? 1 : \(slope)", "jax.nn.leaky_relu (jnp.where)")
        case CatalogEntry.hardSigmoid.name:
            // relu6(x + 3)/6, a division; relu6's custom JVP, then the division's transpose 1/6.
            return xla(
                "min(max(x + 3, 0), 6)\(sixth)", "x + 3 > 0 && x + 3 < 6 ? 1\(sixth) : 0",
                "jax.nn.hard_sigmoid = relu6(x + 3)/6")
        case CatalogEntry.hardSwish.name:
            return xla(
                "x*(min(max(x + 3, 0), 6)\(sixth))",
                "min(max(x + 3, 0), 6)\(sixth) + (x + 3 > 0 && x + 3 < 6 ? x\(sixth) : 0)",
                "jax.nn.hard_silu = x·hard_sigmoid(x)")
        case CatalogEntry.softsign.name:
            // x/(|x| + 1): the division's rules give 1/d first, then −(d⁻²·x) through abs's
            // select(x ≥ 0, g, −g), whose transpose sends a zero down the branch not taken.
            let d = "(abs(x) + 1)"
            let g = "(-(1/(\(d)*\(d))*x))"
            return xla(
                "x/\(d)", "1/\(d) + (x >= 0 ? \(g) : 0) - (x >= 0 ? 0 : \(g))",
                "jax.nn.soft_sign = x/(|x| + 1); div_p's and abs_p's JVP rules")
        default:
            return nil
        }
    }

    /// gelu: 0.5·x·erfc(−x·√½) (approximate=False) or the tanh form with x**3 as x·(x·x).
    private static func jaxGELU(_ function: Activation, _ format: NumberFormat) -> FrameworkKernel? {
        let form = geluForm(function, default: .tanh)
        switch form {
        case .sigmoid:
            return nil
        case .none:
            // erfc's rule (−2/√π)·(g·exp(−m²)) at m = −x·√½, through the negation, then ½·erfc.
            let half = NaiveFormula.literal(format.rounded(0.5.squareRoot()))
            let m = "(-x*\(half))"
            let c = NaiveFormula.literal(-2 / Double.pi.squareRoot())
            // bfloat16: erfc expands in float32 and reads −x·√½ unrounded.
            return xla(
                "0.5*x*erfc(\(m))", "-(\(c)*(0.5*x)*exp(-(\(m)*\(m)))*\(half)) + 0.5*erfc(\(m))",
                "jax.nn.gelu(approximate=False) = 0.5·x·erfc(−x·√½); erfc_p's JVP rule",
                float32Arguments: format == .bfloat16 ? [.erfc] : [])
        case .tanh:
            // cdf = 0.5·(1 + tanh(s·(x + κ·x³))); the cotangent reaches x as cdf, then through
            // x + κ·x³ as B = (A + A·t)·s with A = 0.5·x·(1 − t), then B·κ·(3·x²). In float16 and
            // float32 XLA folds s·κ into one constant of the format: (A + A·t)·(s·κ)·(3·x²).
            let sqrt2OverPi = format.rounded((2 / Double.pi).squareRoot())
            let s = NaiveFormula.literal(sqrt2OverPi)
            let t = "tanh(\(s)*(x + 0.044715*(x*(x*x))))"
            let a = "((0.5*x)*(1 - \(t)))"
            let b = "((\(a) + \(a)*\(t))*\(s))"
            let cubic =
                format == .bfloat16
                ? "\(b)*0.044715"
                : "(\(a) + \(a)*\(t))*"
                    + NaiveFormula.literal(format.rounded(format.rounded(0.044715) * sqrt2OverPi))
            return xla(
                "x*(0.5*(1 + \(t)))", "(0.5*(1 + \(t)) + \(b)) + \(cubic)*(3*(x*x))",
                "jax.nn.gelu (approximate=True): x**3 lowers to x·(x·x), integer_pow's rule 3·x²")
        }
    }
}
