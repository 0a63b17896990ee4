import Dispatch

extension Activation {
    /// f(x).
    /// - Parameter x: Any double.
    /// - Returns: The value, correct to a few ulps.
    public func value(at x: Double) -> Double { kernel.value(at: x) }

    /// f′(x), by the function's analytic derivative.
    /// - Parameter x: Any double.
    /// - Returns: The first derivative; at a corner, the one ``kink`` selects.
    public func derivative(at x: Double) -> Double { jet(at: x).derivative }

    /// f″(x), by the function's analytic second derivative.
    /// - Parameter x: Any double.
    /// - Returns: The second derivative; at a corner, the one ``kink`` selects.
    public func secondDerivative(at x: Double) -> Double { jet(at: x).secondDerivative }

    /// f(x), f′(x) and f″(x) from one evaluation.
    /// - Parameter x: Any double.
    /// - Returns: The jet at x.
    public func jet(at x: Double) -> Jet { kernel.jet(at: x) }

    /// f and f′ beyond double precision, where the kernel can give them.
    func preciseJet(at x: Double) -> PreciseJet? { kernel.preciseJet(at: x) }

    /// Evaluates a batch: values, and optionally derivatives, for every input.
    ///
    /// The function is dispatched once for the whole batch (once per core for a long one): the
    /// loop is the concrete kernel's own, specialised for it, and allocates nothing.
    /// - Parameters:
    ///   - input: The x values.
    ///   - values: Receives f(x); must be as long as `input`.
    ///   - derivatives: Receives f′(x) when given; as long as `input`.
    ///   - secondDerivatives: Receives f″(x) when given; as long as `input`.
    public func evaluate(
        _ input: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>,
        derivatives: UnsafeMutableBufferPointer<Double>? = nil,
        secondDerivatives: UnsafeMutableBufferPointer<Double>? = nil
    ) {
        precondition(values.count >= input.count, "values buffer is shorter than the input")
        precondition((derivatives?.count ?? input.count) >= input.count, "derivatives buffer is too short")
        precondition(
            (secondDerivatives?.count ?? input.count) >= input.count, "second-derivative buffer is too short")
        let parts = Swift.min(Concurrency.processorCount, input.count / Self.parallelBatch)
        guard parts > 1 else {
            kernel.evaluate(
                input, values: values, derivatives: derivatives, secondDerivatives: secondDerivatives)
            return
        }
        // Large batches are split across the cores; each part writes only its own slice.
        let buffers = UncheckedSendable((input, values, derivatives, secondDerivatives))
        let kernel = self.kernel
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let (input, values, derivatives, secondDerivatives) = buffers.value
            let range = input.count * part / parts..<input.count * (part + 1) / parts
            func slice(_ b: UnsafeMutableBufferPointer<Double>) -> UnsafeMutableBufferPointer<Double> {
                UnsafeMutableBufferPointer(rebasing: b[range])
            }
            kernel.evaluate(
                UnsafeBufferPointer(rebasing: input[range]), values: slice(values),
                derivatives: derivatives.map(slice), secondDerivatives: secondDerivatives.map(slice))
        }
    }

    /// Batches at least twice this long are split across the processor's cores.
    public static let parallelBatch = 1 << 16

    /// f at every element of an array.
    /// - Parameter input: The x values.
    /// - Returns: f(x) for each, in order.
    public func values(_ input: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: input.count) { buffer, count in
            input.withUnsafeBufferPointer { evaluate($0, values: buffer) }
            count = input.count
        }
    }

    /// f, f′ and f″ at every element of an array, by the same batch kernels as
    /// ``evaluate(_:values:derivatives:secondDerivatives:)``.
    /// - Parameter input: The x values.
    /// - Returns: The three arrays, each in the order of `input`.
    public func jets(_ input: [Double]) -> (
        values: [Double], derivatives: [Double], secondDerivatives: [Double]
    ) {
        var values = [Double](repeating: 0, count: input.count)
        var derivatives = values
        var secondDerivatives = values
        input.withUnsafeBufferPointer { x in
            values.withUnsafeMutableBufferPointer { v in
                derivatives.withUnsafeMutableBufferPointer { d in
                    secondDerivatives.withUnsafeMutableBufferPointer { c in
                        evaluate(x, values: v, derivatives: d, secondDerivatives: c)
                    }
                }
            }
        }
        return (values, derivatives, secondDerivatives)
    }
}
