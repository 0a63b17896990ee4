/// An element-wise function evaluated to full double precision, with two derivatives.
///
/// Each catalog function is a small value type conforming to this protocol; ``Activation``
/// switches on the function once per call (or once per batch) and then calls these
/// methods directly, so a batch loop has no dynamic dispatch per element.
protocol ScalarKernel: Sendable {
    /// f(x).
    func value(at x: Double) -> Double
    /// f(x), f′(x) and f″(x) from one evaluation.
    func jet(at x: Double) -> Jet
}
