/// Hard sigmoid: a straight line through (0, offset) clipped to [0, 1].
///
/// ```
/// f = clip(slope·x + offset, 0, 1)    f′ = slope inside, 0 outside    f″ = 0
/// ```
/// PyTorch, JAX and Keras 3 use slope 1/6, offset 1/2 (corners at ±3); DL4J and Keras 2
/// use 0.2 and 0.5 (corners at ±2.5). A slope that is the double nearest 1/n for a whole
/// n is read as exactly 1/n and the line is computed as (x + offset·n)/n, so the corners
/// fall exactly on −3 and 3 (the double 1/6 times −3 plus 1/2 is 2.8e-17, not 0). Other
/// slopes use one fused multiply-add. f′ at a corner follows the kink convention.
struct HardSigmoid: ScalarKernel {
    var slope: Double
    var offset: Double
    var kink: KinkConvention
    /// n when slope is the double nearest 1/n and offset·n is exact; else nil.
    private let reciprocal: Double?
    private let shift: Double

    init(slope: Double, offset: Double, kink: KinkConvention) {
        self.slope = slope
        self.offset = offset
        self.kink = kink
        let n = (1 / slope).rounded()
        let shift = offset * n
        if n >= 1, n < 0x1p52, 1 / n == slope, (-shift).addingProduct(offset, n) == 0 {
            self.reciprocal = n
            self.shift = shift
        } else {
            self.reciprocal = nil
            self.shift = 0
        }
    }

    /// Where the line meets 0 and 1: −offset/slope and (1 − offset)/slope, exactly when the
    /// slope is 1/n.
    var corners: [Double] {
        if let n = reciprocal { return [-shift, n - shift] }
        return [-offset / slope, (1 - offset) / slope]
    }

    @inline(__always)
    private func line(_ x: Double) -> Double {
        if let n = reciprocal {  // (x + shift)/n rounded once
            return abs(x) < 0x1p1000 ? DoubleDouble.sum(x, shift).divided(by: n).value : (x + shift) / n
        }
        return offset.addingProduct(slope, x)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        let y = line(x)
        return y <= 0 ? 0 : y >= 1 ? 1 : y
    }

    /// Where x lies: −1 below the lower corner, 1 above the upper one, 0 inside, nil at a corner.
    ///
    /// With slope 1/n the corners are compared on x itself (−offset·n and (1 − offset)·n are
    /// exact), since (x + 3)/6 rounds to 1 already at x = 3 − 2⁻⁵¹.
    @inline(__always)
    private func side(_ x: Double) -> Int? {
        let (below, above): (Bool, Bool)
        let (atLower, atUpper): (Bool, Bool)
        if let n = reciprocal {
            let lower = -shift
            let upper = n - shift
            (below, above, atLower, atUpper) = (x < lower, x > upper, x == lower, x == upper)
        } else {
            // slope·x + offset against 0 and 1 before rounding. Rounding is monotonic and 0 and 1
            // are doubles, so the fma's sign against them is the exact one unless it is 0 or 1;
            // only there (ONNX's float32 0.2 puts the upper corner between doubles, where the
            // rounded line is already 1) the double-double line decides.
            let rounded = line(x)
            if rounded != 0 && rounded != 1 {
                (below, above, atLower, atUpper) = (rounded < 0, rounded > 1, false, false)
            } else {
                let y = DoubleDouble.product(slope, x).plus(offset)
                let excess = y.plus(-1)
                (below, above, atLower, atUpper) = (y.hi < 0, excess.hi > 0, y.hi == 0, excess.hi == 0)
            }
        }
        if below { return -1 }
        if above { return 1 }
        return atLower || atUpper ? nil : 0
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let position = side(x)
        let slope: Double =
            position.map { $0 == 0 ? self.slope : 0 } ?? kink.pick(inside: self.slope, outside: 0)
        return Jet(value: value(at: x), derivative: slope, secondDerivative: 0)
    }

    /// The line between the corners, exact where it is (so that a value on a midpoint is a
    /// true tie): (x + shift)/n, or slope·x + offset as an exact product and sum.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard side(x) == 0, x.isFinite else { return nil }
        if let n = reciprocal {
            let q = PreciseJet.quotient(DoubleDouble.sum(x, shift), n)
            return PreciseJet(value: q.value, derivative: DoubleDouble(slope), error: (q.error, 0))
        }
        let p = DoubleDouble.product(slope, x)
        let s = DoubleDouble.sum(p.hi, offset)
        let tail = DoubleDouble.sum(s.lo, p.lo)
        // p.hi + p.lo + offset = s.hi + tail.hi + tail.lo exactly; only tail.lo is left out.
        let value = DoubleDouble.sum(s.hi, tail.hi)
        return PreciseJet(value: value, derivative: DoubleDouble(slope), error: (abs(tail.lo), 0))
    }
}

extension CatalogEntry {
    /// Hard sigmoid: a line clipped to [0, 1], in either framework's definition.
    public static let hardSigmoid: CatalogEntry = {
        let slope = Parameter.real(.slope, 1.0 / 6.0, .positive, "slope of the middle piece")
        let offset = Parameter.real(.offset, 0.5, .finite, "value at 0")
        return CatalogEntry(
            name: "hard_sigmoid", family: .sigmoidal, aliases: ["hardsigmoid"],
            formula: "f(x) = min(max(slope*x + offset, 0), 1)", parameters: [slope, offset],
            notes: """
                A piecewise-linear sigmoid for fast or quantised inference (MobileNetV3). \
                Two definitions are in use: x/6 + 1/2 with corners at ±3 (PyTorch, JAX, \
                Keras 3) and 0.2x + 0.5 with corners at ±2.5 (DL4J, Keras 2).
                """,
            hasKinks: true, smoothness: { _ in .continuous },
            corners: { a in HardSigmoid(slope: a[slope], offset: a[offset], kink: a.kink).corners },
            naive: { a in
                let u = "\(NaiveFormula.literal(a[slope]))*x + \(NaiveFormula.literal(a[offset]))"
                return NaiveFormula(
                    value: "max(0, min(1, \(u)))",
                    derivative: "\(NaiveFormula.literal(a[slope]))*max(sign(min(\(u), 1 - (\(u)))), 0)")
            },
            makeKernel: { a in HardSigmoid(slope: a[slope], offset: a[offset], kink: a.kink) })
    }()
}
