// In-process kernel benchmarks: elements per second over 10 million doubles, median of 9
// runs after a warm-up. Run with `make bench` (release build), or alone:
// `KernelBenchmarks [COUNT] [TEXT]` runs the jobs whose label contains TEXT.
// `KernelBenchmarks --once COUNT SPEC` evaluates f and f′ of SPEC once over COUNT points in
// [−8, 8] and prints nothing: what `make check-speed` counts the instructions of.
import ActivationCore

/// f and f′ of `spec` once over `count` points in [−8, 8] (`--once`).
func evaluateOnce(_ spec: String, count n: Int) throws {
    let f = try Catalog.activation(spec)
    let x = (0..<n).map { -8 + 16 * Double($0) / Double(Swift.max(1, n - 1)) }
    var (values, slopes) = ([Double](repeating: 0, count: n), [Double](repeating: 0, count: n))
    x.withUnsafeBufferPointer { x in
        values.withUnsafeMutableBufferPointer { v in
            slopes.withUnsafeMutableBufferPointer { d in f.evaluate(x, values: v, derivatives: d) }
        }
    }
    // Read, so that no optimiser drops the work.
    if values.reduce(0, +).isNaN && slopes.reduce(0, +).isNaN { print("nan") }
}

if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--once" {
    try evaluateOnce(CommandLine.arguments[3], count: Int(CommandLine.arguments[2]) ?? 100_000)
} else {

    /// A duration in seconds.
    func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000_000 : 10_000_000
    let input = (0..<count).map { -6 + 12 * Double($0) / Double(count - 1) }
    /// Median elements per second of `f` over the input.
    @MainActor
    func measure(_ f: Activation, derivative: Bool) -> Double {
        var values = [Double](repeating: 0, count: count)
        var slopes = [Double](repeating: 0, count: count)
        var times: [Double] = []
        for run in 0..<10 {
            let elapsed = ContinuousClock().measure {
                input.withUnsafeBufferPointer { x in
                    values.withUnsafeMutableBufferPointer { v in
                        slopes.withUnsafeMutableBufferPointer { d in
                            f.evaluate(x, values: v, derivatives: derivative ? d : nil)
                        }
                    }
                }
            }
            if run > 0 { times.append(seconds(elapsed)) }
        }
        times.sort()
        return Double(count) / times[times.count / 2]
    }

    let jobs: [(label: String, spec: String, derivative: Bool)] = [
        ("relu", "relu", false),
        ("gelu", "gelu", false),
        ("gelu + gelu'", "gelu", true),
        ("mish + mish'", "mish", true),
        ("expression x*tanh(log1p(exp(x))) + f'", "x*tanh(log1p(exp(x)))", true),
        ("expression mish(x) + f'", "mish(x)", true),
        ("expression x*sigmoid(1.702*x) + f'", "x*sigmoid(1.702*x)", true),
        ("gelu:approximate=sigmoid + f'", "gelu:approximate=sigmoid", true),
        ("gelu:approximate=tanh + f'", "gelu:approximate=tanh", true),
        ("sigmoid + sigmoid'", "sigmoid", true),
        ("tanh + tanh'", "tanh", true),
        ("silu + silu'", "silu", true),
        ("softplus + softplus'", "softplus", true),
        ("log_sigmoid + f'", "log_sigmoid", true),
        ("softmax + f'", "softmax", true),
        ("elu + f'", "elu", true),
        ("selu + f'", "selu", true),
    ]
    let only = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : ""
    // `family`: f and f′ of the kernels with fast paths, one line each under the spec's name,
    // for `make bench` to set beside numpy's and JAX's (Benchmarks/Peers/family.py).
    let family = [
        "sigmoid", "tanh", "silu", "softplus", "log_sigmoid", "mish", "elu", "selu", "gelu:approximate=tanh",
        "gelu:approximate=sigmoid", "softmax",
    ]
    for spec in family where only == "family" {
        print("\(spec)\t\(Int(measure(try Catalog.activation(spec), derivative: true) / 1e6)) M/s")
    }
    for job in jobs where only.isEmpty || job.label.contains(only) {
        let f = try Catalog.activation(job.spec)
        let rate = measure(f, derivative: job.derivative)
        print("\(job.label)\t\(Int(rate / 1e6)) M/s")
    }

    // Gaussian statistics in process: the moments (quadrature) and the extremes of each
    // element-wise catalog function, median of 5 runs, in milliseconds per function.
    if only.isEmpty || only == "stats" {
        let functions = try Catalog.all.filter { !$0.isVector }.map { try Catalog.activation($0.name) }
        var perFunction: [(name: String, moments: Double, extremes: Double)] = []
        for f in functions {
            var (moments, extremes) = ([Double](), [Double]())
            for _ in 0..<5 {
                moments.append(seconds(ContinuousClock().measure { _ = try? GaussianStatistics(of: f) }))
                extremes.append(seconds(ContinuousClock().measure { _ = ActivationExtrema(of: f) }))
            }
            perFunction.append((f.name, moments.sorted()[2], extremes.sorted()[2]))
        }
        let worst = perFunction.max { $0.moments + $0.extremes < $1.moments + $1.extremes }
        let total = perFunction.reduce(0) { $0 + $1.moments + $1.extremes }
        let slowest = worst.map { $0.moments + $0.extremes } ?? 0
        let milliseconds = { (s: Double) in "\((s * 1e4).rounded() / 10) ms" }
        let parts =
            "moments \(milliseconds(worst?.moments ?? 0)), extremes \(milliseconds(worst?.extremes ?? 0))"
        print("stats, slowest function (\(worst?.name ?? "-"))\t\(milliseconds(slowest)): \(parts)")
        print("stats, whole element-wise catalog (\(functions.count))\t\(milliseconds(total))")
    }
}
