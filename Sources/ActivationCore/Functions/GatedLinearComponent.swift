/// The first output of GLU as a function of the first input, the gate input held fixed.
///
/// ```
/// f = x·σ(g)    f′ = σ(g)    f″ = 0
/// ```
/// For GLU on [x, o₁, …, o_{n−1}] (n even) the gate of output 0 is input n/2.
struct GatedLinearComponent: ScalarKernel {
    var gate: Double
    private let share: Double

    init(gate: Double) {
        self.gate = gate
        self.share = logistic(gate)
    }

    @inline(__always)
    func value(at x: Double) -> Double { x * share }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        x.isNaN ? Jet(nan: x) : Jet(value: x * share, derivative: share, secondDerivative: 0)
    }
}
