/// An expression as a catalog kernel: values by plain `Double` arithmetic, derivatives by
/// `Jet` arithmetic (second-order forward mode).
struct ExpressionKernel: ScalarKernel {
    let program: ExpressionProgram

    func value(at x: Double) -> Double { program.evaluate(at: x) }

    func jet(at x: Double) -> Jet { program.evaluate(at: x) }

    func evaluate(
        _ input: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>,
        derivatives: UnsafeMutableBufferPointer<Double>?,
        secondDerivatives: UnsafeMutableBufferPointer<Double>?
    ) {
        if derivatives == nil && secondDerivatives == nil {
            program.evaluate(input) { (range, results: UnsafeBufferPointer<Double>) in
                for (i, value) in zip(range, results) { values[i] = value }
            }
            return
        }
        program.evaluate(input) { (range, results: UnsafeBufferPointer<Jet>) in
            for (i, jet) in zip(range, results) {
                values[i] = jet.value
                derivatives?[i] = jet.derivative
                secondDerivatives?[i] = jet.secondDerivative
            }
        }
    }
}
