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
}

extension ScalarKernel {
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
        for i in indices {
            let jet = jet(at: input[i])
            values[i] = jet.value
            derivatives?[i] = jet.derivative
            secondDerivatives?[i] = jet.secondDerivative
        }
    }
}
