/// An element-wise function evaluated to full double precision, with two derivatives.
///
/// Each catalog function's evaluator is a small value type conforming to this protocol, and an
/// ``Activation`` holds it as `any ScalarKernel`: one dynamic call per point, or per batch, into
/// code compiled for that kernel alone. `evaluate` is a requirement, so the default batch loop
/// below is specialised for each conforming type and a batch has no dynamic dispatch per element.
protocol ScalarKernel: Sendable {
    /// f(x).
    func value(at x: Double) -> Double
    /// f(x), f′(x) and f″(x) from one evaluation.
    func jet(at x: Double) -> Jet
    /// A batch: values, and derivatives when their buffers are given.
    func evaluate(
        _ input: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>,
        derivatives: UnsafeMutableBufferPointer<Double>?,
        secondDerivatives: UnsafeMutableBufferPointer<Double>?)
    /// f and f′ beyond double precision where the kernel can give them, else nil.
    func preciseJet(at x: Double) -> PreciseJet?
    /// f(x) and f′(x), the same bits as ``jet(at:)``'s, where a kernel has a cheaper way to
    /// them than with f″.
    func valueAndSlope(at x: Double) -> (value: Double, slope: Double)
}

/// f and f′ beyond double precision, with a bound on their error: what decides a narrow
/// format's rounding where the double lies too close to a rounding boundary to say.
struct PreciseJet: Sendable {
    /// f.
    var value: DoubleDouble
    /// f′.
    var derivative: DoubleDouble
    /// Bounds on the absolute errors of f and f′; 0 where exact, so that a value on a midpoint
    /// is a true tie.
    var error: (value: Double, derivative: Double)

    /// f and f′ with errors relative to their sizes (0: exact).
    init(value: DoubleDouble, derivative: DoubleDouble, relativeError: Double) {
        self.init(
            value: value, derivative: derivative,
            error: (relativeError * abs(value.hi), relativeError * abs(derivative.hi)))
    }

    /// s/n in double-double, with its error bound: 0 where the quotient is exact (a double
    /// whose exact product with n is s), else 2⁻¹⁰⁰ of it.
    static func quotient(_ s: DoubleDouble, _ n: Double) -> (value: DoubleDouble, error: Double) {
        let q = s.divided(by: n)
        let exact = q.lo == 0 && DoubleDouble.product(q.hi, n) == s
        return (q, exact ? 0 : 0x1p-100 * abs(q.hi))
    }

    /// f and f′ with absolute error bounds.
    init(value: DoubleDouble, derivative: DoubleDouble, error: (value: Double, derivative: Double)) {
        self.value = value
        self.derivative = derivative
        self.error = error
    }
}

extension ScalarKernel {
    /// No evaluation beyond double precision.
    func preciseJet(at x: Double) -> PreciseJet? { nil }

    /// f and f′ from ``jet(at:)``.
    @inline(__always)
    func valueAndSlope(at x: Double) -> (value: Double, slope: Double) {
        let jet = jet(at: x)
        return (jet.value, jet.derivative)
    }

    /// The batch loop over ``value(at:)`` or ``jet(at:)``, specialised per kernel.
    @inline(__always)
    func evaluate(
        _ input: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>,
        derivatives: UnsafeMutableBufferPointer<Double>?,
        secondDerivatives: UnsafeMutableBufferPointer<Double>?
    ) {
        evaluatePointwise(
            input, at: input.indices, values: values, derivatives: derivatives,
            secondDerivatives: secondDerivatives)
    }

    /// The points at `indices`, one at a time through ``value(at:)``, or ``jet(at:)`` when a
    /// derivative buffer is given: the whole default batch loop, and what a kernel with its
    /// own batch loop uses for the points that loop leaves.
    @inline(__always)
    func evaluatePointwise(
        _ input: UnsafeBufferPointer<Double>, at indices: some Sequence<Int>,
        values: UnsafeMutableBufferPointer<Double>, derivatives: UnsafeMutableBufferPointer<Double>?,
        secondDerivatives: UnsafeMutableBufferPointer<Double>?
    ) {
        guard derivatives != nil || secondDerivatives != nil else {
            for i in indices { values[i] = value(at: input[i]) }
            return
        }
        if let derivatives, secondDerivatives == nil {
            for i in indices { (values[i], derivatives[i]) = valueAndSlope(at: input[i]) }
            return
        }
        for i in indices {
            let jet = jet(at: input[i])
            values[i] = jet.value
            derivatives?[i] = jet.derivative
            secondDerivatives?[i] = jet.secondDerivative
        }
    }
}

/// A kernel with a fast path for f and f′ (``FastPath``) in front of its double-double
/// evaluation: batches of f and f′ take the fast path where it decides them, and jets take f and
/// f′ from it too, so that scalar and batch give the same bits.
protocol FastPathKernel: ScalarKernel {
    /// f and f′ where the fast path's bounds decide their rounding, else nil.
    func fastValueAndSlope(at x: Double) -> (value: Double, slope: Double)?
    /// f, f′ and f″ from the double-double evaluation (the fast path's fallback).
    func fullJet(at x: Double) -> Jet
}

extension FastPathKernel {
    /// f″ from the double-double evaluation; f and f′ from the fast path where it decides them.
    @inline(__always)
    func jet(at x: Double) -> Jet { fastOrFullJet(at: x) }

    /// f″ from the double-double evaluation; f and f′ from the fast path where it decides them
    /// (what a kernel's own jet falls back to).
    @inline(__always)
    func fastOrFullJet(at x: Double) -> Jet {
        var jet = fullJet(at: x)
        if let fast = fastValueAndSlope(at: x) { (jet.value, jet.derivative) = fast }
        return jet
    }

    /// f and f′ from the fast path where it decides them, else from ``fullJet(at:)``.
    @inline(__always)
    func valueAndSlope(at x: Double) -> (value: Double, slope: Double) {
        if let fast = fastValueAndSlope(at: x) { return fast }
        let jet = fullJet(at: x)
        return (jet.value, jet.derivative)
    }
}
