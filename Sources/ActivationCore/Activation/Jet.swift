/// A function's value and its first two derivatives at one point.
///
/// ```
/// Jet(value: f(x), derivative: f′(x), secondDerivative: f″(x))
/// ```
///
/// Every catalog function produces a `Jet`, and the three numbers come from one
/// evaluation so that shared work (an exponential, a sigmoid) is done once.
public struct Jet: Sendable, Hashable {
    /// f(x).
    public var value: Double
    /// f′(x).
    public var derivative: Double
    /// f″(x).
    public var secondDerivative: Double

    /// Creates a jet from a value and its first two derivatives.
    /// - Parameters:
    ///   - value: f(x).
    ///   - derivative: f′(x).
    ///   - secondDerivative: f″(x).
    @inlinable
    public init(value: Double, derivative: Double, secondDerivative: Double) {
        self.value = value
        self.derivative = derivative
        self.secondDerivative = secondDerivative
    }

    /// The limits of a self-gated function x·g(x) with g(−∞) = 0, g(+∞) = 1 at x = ±∞:
    /// (+∞, 1, 0) and (−0, 0, 0).
    @inlinable
    init(selfGatedLimitAt x: Double) {
        self =
            x > 0
            ? Jet(value: x, derivative: 1, secondDerivative: 0)
            : Jet(value: -0.0, derivative: 0, secondDerivative: 0)
    }

    /// A jet whose three entries are all `x`; `Jet(nan: x)` propagates a NaN input.
    @inlinable
    init(nan x: Double) {
        self.init(value: x, derivative: x, secondDerivative: x)
    }
}
