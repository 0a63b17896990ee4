import ActivationCore

/// What `check --explain` finds: what the function's textbook formulas give beside the dump.
///
/// Whether the kernel's wrong results are what the formulas give with every operation in the
/// format (naive) or in float32 with the results stored in the format (opmath), overall and by
/// region, and where the wrong results lie.
struct CheckExplanation {
    /// The textbook formulas, as text (`1/(1 + exp(-x))`, f′ `y*(1 - y)`); nil where the function
    /// has none.
    let formula: (value: String, derivative: String?)?
    /// f's findings and f′'s.
    var value = Findings()
    var derivative = Findings()

    /// What one part's wrong rows are, by region.
    ///
    /// In ``CheckRegion`` order: all, and the regions every row is in one of.
    struct Findings {
        var regions = [Counts](repeating: Counts(), count: CheckRegion.allCases.count)
        /// The least and greatest x of the wrong rows on each side of 0.
        var negative = (from: Double.infinity, to: -Double.infinity)
        var positive = (from: Double.infinity, to: -Double.infinity)
    }

    /// Counts of one region.
    struct Counts {
        var rows = 0
        /// Rows whose result is not the correctly rounded value's bits.
        var wrong = 0
        /// Rows whose result is naive's (opmath's) bits, all and among the wrong.
        var naive = 0
        var opmath = 0
        var wrongNaive = 0
        var wrongOpmath = 0
    }

    /// The explanation of a check of `function`.
    init(_ function: Activation) {
        formula = function.naiveFormula.map { ($0.value, $0.derivative) }
    }

    /// Adds a block: the dump's bits and the correctly rounded, naive and opmath points.
    mutating func add(
        _ buffers: CheckBuffers, _ n: Int, naive: UnsafeBufferPointer<FormatPoint>,
        opmath: UnsafeBufferPointer<FormatPoint>, format: NumberFormat, derivatives: Bool
    ) {
        for i in 0..<n {
            let x = buffers.xs[i]
            let region = CheckRegion.containing(x)
            let points = (buffers.points[i], naive[i], opmath[i])
            Self.add(
                &value, x, region, buffers.yBits[i], points.0.value, points.1.value, points.2.value, format)
            if derivatives {
                Self.add(
                    &derivative, x, region, buffers.dyBits[i], points.0.derivative, points.1.derivative,
                    points.2.derivative, format)
            }
        }
    }

    /// Adds one row of a part.
    private static func add(
        _ findings: inout Findings, _ x: Double, _ region: CheckRegion, _ yBits: UInt64, _ correct: Double,
        _ naive: Double, _ opmath: Double, _ format: NumberFormat
    ) {
        let same = { (v: Double) in format.bits(of: v) == yBits || v.isNaN && format.value(bits: yBits).isNaN
        }
        let wrong = !same(correct)
        let (isNaive, isOpmath) = (same(naive), same(opmath))
        for k in [CheckRegion.all.rawValue, region.rawValue] {
            findings.regions[k].rows += 1
            if isNaive { findings.regions[k].naive += 1 }
            if isOpmath { findings.regions[k].opmath += 1 }
            guard wrong else { continue }
            findings.regions[k].wrong += 1
            if isNaive { findings.regions[k].wrongNaive += 1 }
            if isOpmath { findings.regions[k].wrongOpmath += 1 }
        }
        guard wrong, x.isFinite else { return }
        if x < 0 {
            findings.negative = (Swift.min(findings.negative.from, x), Swift.max(findings.negative.to, x))
        } else {
            findings.positive = (Swift.min(findings.positive.from, x), Swift.max(findings.positive.to, x))
        }
    }

    /// The likely cause of a region's wrong results, in words, for a format named `name`.
    static func cause(_ counts: Counts, in name: String) -> String {
        guard counts.wrong > 0 else { return "no wrong results" }
        let share = { (n: Int) in Double(n) / Double(counts.wrong) }
        // Of the arithmetics that explain nine wrong results in ten, the one that matches more in all.
        let naive = share(counts.wrongNaive) >= 0.9
        let opmath = share(counts.wrongOpmath) >= 0.9
        if naive && (!opmath || counts.naive >= counts.opmath) {
            return "the textbook formulas with every operation in \(name)"
        }
        if opmath { return "the textbook formulas in float32, each result stored in \(name)" }
        return "neither textbook arithmetic (another formula or approximation)"
    }
}
