/// The rectifier family: ReLU, ReLU6 and Keras' generalised ReLU.
///
/// ```
/// f(x) = min(x, maxValue)            for x > threshold
///        negativeSlope·(x − threshold) otherwise
/// ```
/// ReLU is (0, ∞, 0), ReLU6 is (0, 6, 0). The corners are at `threshold` (where the value
/// jumps by `threshold` when it is not 0) and at `maxValue`; their derivatives follow the
/// kink convention with x ∈ (threshold, maxValue) as the active piece. Every value is exact
/// or rounded once.
struct Rectifier: ScalarKernel {
    var negativeSlope: Double
    var maxValue: Double
    var threshold: Double
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        if x > threshold { return Swift.min(x, maxValue) }
        if negativeSlope == 0 { return x.isNaN ? x : 0 }
        return slopeTimesOffset(negativeSlope, x, threshold)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let slope: Double
        if x > threshold && (x < maxValue || maxValue == .infinity) {
            slope = 1
        } else if x < threshold {
            slope = negativeSlope
        } else if x > maxValue {
            slope = 0
        } else if x == threshold {
            slope = kink.pick(inside: 1, outside: negativeSlope)
        } else {
            slope = kink.pick(inside: 1, outside: 0)
        }
        return Jet(value: value(at: x), derivative: slope, secondDerivative: 0)
    }

    /// negative_slope·(x − threshold) below the threshold, exact where it is (so that a value
    /// on a midpoint is a true tie); the other pieces are exact doubles already.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard x < threshold, negativeSlope != 0, x.isFinite else { return nil }
        let (value, error) = preciseSlopeTimesOffset(negativeSlope, x, threshold)
        return PreciseJet(value: value, derivative: DoubleDouble(negativeSlope), error: (error, 0))
    }
}

extension CatalogEntry {
    /// ReLU, with Keras' generalisation (negative slope, cap, threshold).
    public static let relu: CatalogEntry = {
        let negativeSlope = Parameter.real(.negativeSlope, 0, .finite, "slope below the threshold (Keras)")
        let maxValue = Parameter.real(
            .maxValue, .infinity, .positiveOrInfinity, "cap on the output (Keras)")
        let threshold = Parameter.real(.threshold, 0, .finite, "where the active piece starts (Keras)")
        return CatalogEntry(
            name: "relu", family: .rectifier, aliases: ["relu_x", "rectifier"],
            formula: "f(x) = max(0, x); generalised: min(x, max_value) for x > threshold, "
                + "negative_slope*(x - threshold) otherwise",
            parameters: [negativeSlope, maxValue, threshold],
            notes: """
                The default hidden activation: cheap, no saturation for x > 0, sparse \
                outputs. Units whose inputs stay negative stop learning ("dying ReLU"); \
                leaky variants, ELU or GELU avoid that. relu′(0) = 0 in every framework.
                """,
            hasKinks: true, smoothness: { a in a[threshold] != 0 ? .discontinuous : .continuous },
            corners: { a in [a[threshold]] + (a[maxValue].isFinite ? [a[maxValue]] : []) },
            validate: { a throws(ActivationError) in
                try a.require(
                    a[maxValue] > a[threshold], maxValue,
                    "a number > threshold (\(DecimalText.shortest(a[threshold])))")
            },
            torchGain: { a in
                let plain = a[negativeSlope] == 0 && a[threshold] == 0 && a[maxValue] == .infinity
                return plain ? (2.0.squareRoot(), "√2") : nil
            },
            naive: { a in
                Rectifier.naive(
                    negativeSlope: a[negativeSlope], maxValue: a[maxValue], threshold: a[threshold])
            },
            makeKernel: { a in
                Rectifier(
                    negativeSlope: a[negativeSlope], maxValue: a[maxValue], threshold: a[threshold],
                    kink: a.kink)
            })
    }()

    /// ReLU capped at 6.
    public static let relu6 = CatalogEntry(
        name: "relu6", family: .rectifier, formula: "f(x) = min(max(x, 0), 6)",
        notes: """
            ReLU capped at 6 (MobileNet): the bound keeps activations representable in \
            low-precision fixed point. f′ = 0 at 0 and at 6 in every framework.
            """,
        hasKinks: true, smoothness: { _ in .continuous }, corners: { _ in [0, 6] },
        naive: { _ in Rectifier.naive(negativeSlope: 0, maxValue: 6, threshold: 0) },
        makeKernel: { a in Rectifier(negativeSlope: 0, maxValue: 6, threshold: 0, kink: a.kink) })

    /// Keras' relu, computed the way Keras computes it: not a catalog function, used by the
    /// `keras.relu`, `keras2.relu` and `ReLU` layer presets.
    static let kerasReLU: CatalogEntry = {
        let negativeSlope = Parameter.real(.negativeSlope, 0, .finite, "slope below the threshold")
        let maxValue = Parameter.real(.maxValue, .infinity, .positiveOrInfinity, "cap on the output")
        let threshold = Parameter.real(.threshold, 0, .finite, "where the active piece starts")
        return CatalogEntry(
            name: "keras_relu", family: .rectifier,
            formula: "f(x) = clip(x*[x > threshold], 0, max_value) - negative_slope*relu(threshold - x)",
            parameters: [negativeSlope, maxValue, threshold],
            notes: """
                Keras' relu step by step (TensorFlow backend): leaky_relu when only \
                negative_slope is set (f′(0) = negative_slope), relu6 when max_value = 6 and \
                threshold = 0 (f′ = 0 at 0 and 6), otherwise relu or x·[x > threshold] (f′ = 0 \
                at the threshold) clipped to [0, max_value], whose gradient is 1 at both \
                bounds: f′(5) = 1 for max_value = 5. With a negative threshold and a cap, \
                f = 0 on (threshold, 0). On the JAX backend the clip's gradient at a bound \
                is ½, and leaky_relu′(0) = 1.
                """,
            cornerRule: "Keras' own gradient at each corner",
            smoothness: { a in
                let jumps = a[threshold] > 0 || (a[threshold] < 0 && a[maxValue] == .infinity)
                return jumps ? .discontinuous : .continuous
            },
            corners: { a in
                let clipsAtZero = a[threshold] < 0 && a[maxValue].isFinite
                let cap = a[maxValue].isFinite ? [a[maxValue]] : []
                return ([a[threshold]] + (clipsAtZero ? [0] : []) + cap).sorted()
            },
            naive: { a in
                KerasRectifier(
                    negativeSlope: a[negativeSlope], maxValue: a[maxValue], threshold: a[threshold]
                ).naive
            },
            makeKernel: { a in
                KerasRectifier(
                    negativeSlope: a[negativeSlope], maxValue: a[maxValue], threshold: a[threshold])
            })
    }()
}

extension Rectifier {
    /// The catalog's formula: min(x, max_value) where x > threshold, negative_slope·(x − threshold)
    /// elsewhere, as max(x, 0) at the defaults; f′ = 1 on the active piece, 0 at its ends.
    static func naive(negativeSlope: Double, maxValue: Double, threshold: Double) -> NaiveFormula {
        let (step, literal) = (NaiveFormula.step, NaiveFormula.literal)
        let active = step(NaiveFormula.offset(threshold))
        var value = threshold == 0 ? "max(x, 0)" : "max(x, \(literal(threshold)))*" + active
        var slope = active
        if maxValue.isFinite {
            value = "min(\(value), \(literal(maxValue)))"
            slope += "*" + step("\(literal(maxValue)) - x")
        }
        if negativeSlope != 0 {
            value += " + \(literal(negativeSlope))*min(\(NaiveFormula.offset(threshold)), 0)"
            slope += " + \(literal(negativeSlope))*" + step("\(literal(threshold)) - x")
        }
        return NaiveFormula(value: value, derivative: slope)
    }
}

/// a·(x − t) as a double-double, with its error bound: exact (0) where x − t is a double, as
/// it is for every input of a narrow format near t.
func preciseSlopeTimesOffset(_ a: Double, _ x: Double, _ t: Double) -> (DoubleDouble, Double) {
    let d = DoubleDouble.sum(x, -t)
    guard d.lo != 0 else { return (DoubleDouble.product(a, d.hi), 0) }
    let v = DoubleDouble.product(a, d.hi).plus(DoubleDouble.product(a, d.lo))
    return (v, 0x1p-100 * abs(v.hi))
}

/// a·(x − t), faithfully rounded: x − t is carried exactly as a sum of two doubles, and a times
/// it is formed with one fused multiply-add.
@inline(__always)
func slopeTimesOffset(_ a: Double, _ x: Double, _ t: Double) -> Double {
    if t == 0 { return a * x }
    let d = DoubleDouble.sum(x, -t)
    return (a * d.lo).addingProduct(a, d.hi)
}

/// Keras' `relu(x, negative_slope, max_value, threshold)` as Keras computes it, with the
/// TensorFlow backend's gradients.
///
/// The steps of `keras.src.activations.ReLU.static_call` (and of tf-keras' `backend.relu`):
///
/// ```
/// slope ≠ 0, no cap, threshold 0:  leaky_relu(x)            f′(0) = slope
/// otherwise:  p = x·[x > threshold]   (threshold ≠ 0)
///                 relu6(x)            (threshold 0, max_value 6: f′ = 0 at 0 and 6)
///                 relu(x)             (f′(0) = 0)
///             p = clip(p, 0, max_value) if capped and not relu6   (gradient 1 on [0, max_value])
///             f = p − slope·relu(threshold − x)                   (relu′(0) = 0)
/// ```
/// So f′(max_value) = 1 for a cap other than 6 (the clip passes its gradient at the bound),
/// f′(threshold) = 0 when threshold ≠ 0, and with a negative threshold and a cap,
/// f = 0 on (threshold, 0) where the formula says x: the clip's lower bound is 0.
struct KerasRectifier: ScalarKernel {
    var negativeSlope: Double
    var maxValue: Double
    var threshold: Double

    /// Whether Keras takes `leaky_relu` for these parameters.
    private var isLeaky: Bool { negativeSlope != 0 && maxValue == .infinity && threshold == 0 }
    /// Whether Keras takes `relu6` for these parameters (and then does not clip).
    private var isRelu6: Bool { threshold == 0 && maxValue == 6 }

    /// The positive part before the clip, and its derivative.
    @inline(__always)
    private func positivePart(_ x: Double) -> (value: Double, slope: Double) {
        if threshold != 0 { return x > threshold ? (x, 1) : (0, 0) }
        if isRelu6 { return (Swift.min(Swift.max(x, 0), 6), x > 0 && x < 6 ? 1 : 0) }
        return x > 0 ? (x, 1) : (0, 0)
    }

    @inline(__always)
    func value(at x: Double) -> Double { jet(at: x).value }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if isLeaky {
            return x > 0
                ? Jet(value: x, derivative: 1, secondDerivative: 0)
                : Jet(value: negativeSlope * x, derivative: negativeSlope, secondDerivative: 0)
        }
        var (p, slope) = positivePart(x)
        if maxValue.isFinite && !isRelu6 {
            slope = p >= 0 && p <= maxValue ? slope : 0
            p = Swift.min(Swift.max(p, 0), maxValue)
        }
        if negativeSlope != 0 && x < threshold {
            p += slopeTimesOffset(negativeSlope, x, threshold)
            slope += negativeSlope
        }
        return Jet(value: p, derivative: slope, secondDerivative: 0)
    }

    /// The negative part alone, where it is all of f (below the threshold, the positive part
    /// 0), exact where x − threshold is a double.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard !isLeaky, negativeSlope != 0, x < threshold, x.isFinite, positivePart(x).value == 0 else {
            return nil
        }
        let (value, error) = preciseSlopeTimesOffset(negativeSlope, x, threshold)
        return PreciseJet(value: value, derivative: DoubleDouble(jet(at: x).derivative), error: (error, 0))
    }

    /// Keras' steps as formulas, each `cast(x > t)` a 0/1 step and the clip's gradient 1 on
    /// [0, max_value] (`x·[x > t]` is NaN at x = −∞, as in Keras).
    var naive: NaiveFormula {
        let (step, literal) = (NaiveFormula.step, NaiveFormula.literal)
        let slopeText = literal(negativeSlope)
        if isLeaky {
            return NaiveFormula(
                value: "max(x, 0) + \(slopeText)*min(x, 0)",
                derivative: "\(step("x")) + \(slopeText)*(1 - \(step("x")))")
        }
        var (p, slope) = ("max(x, 0)", step("x"))
        if threshold != 0 {
            (p, slope) = ("x*" + step(NaiveFormula.offset(threshold)), step(NaiveFormula.offset(threshold)))
        } else if isRelu6 {
            (p, slope) = ("min(max(x, 0), 6)", step("x") + "*" + step("6 - x"))
        }
        if maxValue.isFinite && !isRelu6 {
            let cap = literal(maxValue)
            slope += "*(1 - \(step("-(\(p))")))*(1 - \(step("\(p) - \(cap)")))"
            p = "min(max(\(p), 0), \(cap))"
        }
        if negativeSlope != 0 {
            let below = "\(literal(threshold)) - x"
            p += " - \(slopeText)*max(\(below), 0)"
            slope += " + \(slopeText)*" + step(below)
        }
        return NaiveFormula(value: p, derivative: slope)
    }
}
