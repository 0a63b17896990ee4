/// How two functions differ as a format computes them: at every input of an 8- or 16-bit
/// format inside a range (or at a grid's points rounded to the format), the inputs where their
/// f (or f′) differ, and the largest difference in ulps of the format.
///
/// ```swift
/// let f = FormatEvaluation(try Catalog.activation("gelu:approximate=tanh"), format: .bfloat16, arithmetic: .naive)
/// let g = FormatEvaluation(try Catalog.activation("gelu"), format: .bfloat16, arithmetic: .naive)
/// FormatComparison(f, g, over: -5...5).value.differing    // inputs where the two bf16 results differ
/// ```
public struct FormatComparison: Sendable {
    /// One part's differences.
    public struct Difference: Sendable, Hashable {
        /// Inputs where the two results differ (NaN and NaN alike).
        public let differing: Int
        /// The largest |f − g| in ulps of the format at the first function's true value.
        public let maximumUlps: Double
        /// Where (the first such input).
        public let location: Double
    }

    /// The inputs compared.
    public let inputs: Int
    /// Whether they are every input of the format in the range.
    public let exhaustive: Bool
    /// The values' differences.
    public let value: Difference
    /// The derivatives' differences.
    public let derivative: Difference

    /// Compares f with g in their format (both must have the same one).
    /// - Parameters:
    ///   - f: The reference, as computed.
    ///   - g: The other, as computed.
    ///   - range: Where.
    ///   - grid: The points for formats wider than 16 bits.
    public init(
        _ f: FormatEvaluation, _ g: FormatEvaluation, over range: ClosedRange<Double>, grid: [Double] = []
    ) {
        let format = f.format
        exhaustive = format.bitWidth <= 16
        let xs =
            exhaustive
            ? Set(format.allValues.filter { $0.isFinite && range.contains($0) }).sorted()
            : grid.map(format.rounded)
        inputs = xs.count
        var counts = [0, 0]
        var worst = [(0.0, Double.nan), (0.0, Double.nan)]
        for x in xs {
            let (p, q) = (f.evaluate(at: x), g.evaluate(at: x))
            for (k, pair) in [
                (p.value, q.value, p.exactValue), (p.derivative, q.derivative, p.exactDerivative),
            ]
            .enumerated() {
                let (a, b, truth) = pair
                guard !(a == b || a.isNaN && b.isNaN) else { continue }
                counts[k] += 1
                let ulps =
                    a.isFinite && b.isFinite
                    ? abs(a - b) / format.ulp(of: truth.isFinite ? truth : a) : .infinity
                if ulps > worst[k].0 || worst[k].1.isNaN { worst[k] = (ulps, x) }
            }
        }
        value = Difference(differing: counts[0], maximumUlps: worst[0].0, location: worst[0].1)
        derivative = Difference(differing: counts[1], maximumUlps: worst[1].0, location: worst[1].1)
    }
}
