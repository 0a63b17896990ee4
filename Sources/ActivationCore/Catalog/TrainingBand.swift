/// What a function does in training that it does not at evaluation: a parameter drawn at
/// random, and the band of values f can take because of it.
///
/// RReLU draws its negative slope from U(lower, upper) for every element while training and
/// uses the mean slope at evaluation; plots draw the mean as the curve and this band around it.
///
/// ```swift
/// let band = try Catalog.activation("rrelu").trainingBand!
/// band.range            // 0.125...0.3333333333333333 : the slopes drawn
/// band.bounds(at: -2)   // (low: -0.6666666666666666, high: -0.25)
/// ```
public struct TrainingBand: Sendable {
    /// What is drawn at random, in a word or two: `slopes`.
    public let quantity: String
    /// The interval it is drawn from.
    public let range: ClosedRange<Double>
    /// What a legend says of the band when ``range`` would mislead: `0 or x/(1 − p)` for
    /// dropout's outputs, which take two values and nothing between; nil for rrelu's slopes.
    public let summary: String?
    private let edges: @Sendable (Double) -> (low: Double, high: Double)

    /// A band of `quantity` drawn from `range` (or as `summary` says), whose edges at x are
    /// `edges(x)`.
    init(
        quantity: String, range: ClosedRange<Double>, summary: String? = nil,
        edges: @escaping @Sendable (Double) -> (low: Double, high: Double)
    ) {
        self.quantity = quantity
        self.range = range
        self.summary = summary
        self.edges = edges
    }

    /// The lowest and highest value f can take at x in training.
    /// - Parameter x: Any double.
    /// - Returns: The band's edges at x.
    public func bounds(at x: Double) -> (low: Double, high: Double) { edges(x) }
}
