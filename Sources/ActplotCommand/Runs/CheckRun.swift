import ActivationCore
import Dispatch

/// One run of `actplot check`: a kernel's dump read a block at a time beside the correctly
/// rounded values (computed, or read from a golden table), and what it got wrong, by region.
struct CheckRun {
    let function: Activation
    let format: NumberFormat
    /// The dump's inputs; nil for an exhaustive dump in bit-pattern order.
    let inputs: DumpColumn?
    /// The kernel's f.
    let outputs: DumpColumn
    /// The kernel's f′, if dumped.
    let derivatives: DumpColumn?
    /// A golden table's f_bits and df_bits (and x_bits, if it has them), instead of computing.
    let expected: (f: DumpColumn, df: DumpColumn?, x: DumpColumn?)?
    /// Whether flushed subnormals (results, or inputs read as 0) are accepted.
    let allowFlushToZero: Bool
    /// How many of the worst rows to keep.
    let worstCount: Int
    /// Whether to compare with the textbook formulas' naive and opmath results too.
    var explain = false
    /// Whether to keep the worst error along x, for --plot.
    var profile = false

    /// Rows a block.
    static let block = 1 << 18

    /// What was found for f or for f′.
    struct Part {
        /// Per region (``CheckRegion`` order).
        var regions = [ErrorSummary](repeating: ErrorSummary(), count: CheckRegion.allCases.count)
        var worst: WorstRows
        /// The previous row's correctly rounded value and result, for monotonicity.
        var previous: (expected: Double, y: Double)?
    }

    /// What the run found.
    struct Outcome {
        var rows = 0
        /// Whether the dump holds every bit pattern of the format (NaN patterns included), or
        /// every one but the NaN patterns.
        var coverage: Coverage = .partial
        var value: Part
        var derivative: Part?
        /// What naive and opmath give, with --explain.
        var explanation: CheckExplanation?
        /// The worst error along x, with --plot.
        var profile: ErrorProfile?
    }

    /// How much of the format's inputs a dump covers.
    enum Coverage: String {
        case everyPattern = "every bit pattern"
        case everyNonNaN = "every input but the NaN patterns"
        case partial = "some inputs"
    }

    /// Reads the dump through and compares it.
    /// - Throws: ``DumpError`` where a file cannot be read or the columns do not fit.
    func run() throws(DumpError) -> Outcome {
        var outcome = Outcome(
            value: Part(worst: WorstRows(limit: worstCount)),
            derivative: derivatives == nil ? nil : Part(worst: WorstRows(limit: worstCount)))
        try checkLengths()
        // A whole table of a narrow format is looked up by input, in whatever order the dump has them.
        let table = try lookupTable.map { expected throws(DumpError) in try TableLookup(expected, format) }
        // A small dump needs small buffers.
        let buffers = CheckBuffers(capacity: Swift.max(1, Swift.min(Self.block, outputs.count ?? Self.block)))
        defer { buffers.deallocate() }
        var evaluation = FormatEvaluation(function, format: format, arithmetic: .exact)
        // Without the kernel's f′ (and without --explain, which reads it), f′ is not rounded.
        evaluation.roundsDerivatives = derivatives != nil || explain
        let atZero = (
            format.bits(of: evaluation.evaluate(at: 0).value),
            format.bits(of: evaluation.evaluate(at: -0.0).value)
        )
        var seen = format.bitWidth <= 16 ? [Bool](repeating: false, count: 1 << format.bitWidth) : []
        var inOrder = true
        let explainer = explain ? Explainer(function, format) : nil
        defer { explainer?.deallocate() }
        outcome.explanation = explain ? CheckExplanation(function) : nil
        outcome.profile = profile ? ErrorProfile(format: format, derivative: derivatives != nil) : nil
        var comparison = RowComparison(
            format: format, allowFlushToZero: allowFlushToZero, atZero: atZero, worstCount: worstCount)
        comparison.profiling = profile
        while true {
            let n = try readBlock(buffers, from: outcome.rows, lookup: table != nil)
            if n == 0 { break }
            if !seen.isEmpty {
                for i in 0..<n { seen[Int(buffers.xBits[i])] = true }
            }
            if inOrder { inOrder = (0..<n).allSatisfy { buffers.xBits[$0] == UInt64(outcome.rows + $0) } }
            truth(buffers, n, evaluation, table)
            explainer?.add(buffers, n, derivatives: derivatives != nil, to: &outcome.explanation)
            comparison.add(buffers, n, to: &outcome)
            outcome.rows += n
        }
        outcome.coverage = coverage(seen: seen, inOrder: inOrder, rows: outcome.rows)
        return outcome
    }

    /// The dump's coverage of the format's inputs.
    private func coverage(seen: [Bool], inOrder: Bool, rows: Int) -> Coverage {
        let all = format.bitWidth >= 64 ? Int.max : 1 << format.bitWidth
        if inOrder && rows == all || !seen.isEmpty && !seen.contains(false) { return .everyPattern }
        guard !seen.isEmpty else { return .partial }
        let missing = seen.indices.filter { !seen[$0] }
        return missing.allSatisfy { format.value(bits: UInt64($0)).isNaN } ? .everyNonNaN : .partial
    }

    /// The table given with --expected, where it holds every input of an 8- or 16-bit format
    /// and the dump gives its inputs: looked up by input then, not read row beside row.
    private var lookupTable: (f: DumpColumn, df: DumpColumn?, x: DumpColumn?)? {
        guard let expected, inputs != nil, expected.x != nil, format.bitWidth <= 16,
            expected.f.count == 1 << format.bitWidth
        else { return nil }
        return expected
    }

    /// Checks, before anything is computed, that the columns whose lengths are known agree.
    private func checkLengths() throws(DumpError) {
        let table = lookupTable == nil ? [expected?.f, expected?.df, expected?.x] : []
        let columns = ([inputs, derivatives] + table).compactMap { $0 }
        if let count = outputs.count {
            for column in columns {
                if let other = column.count, other != count {
                    throw DumpError(
                        column.path,
                        "it holds \(other) values and \(outputs.path) \(count); they must be as long")
                }
            }
            let all = format.bitWidth >= 63 ? Int.max : 1 << format.bitWidth
            if inputs == nil && expected?.x == nil && count != all {
                throw DumpError(
                    outputs.path,
                    "without --input the dump must hold every bit pattern of \(format.name) in order (\(all) values), "
                        + "but it holds \(count); give the inputs with --input")
            }
        }
    }

    /// Reads the next block of every column; 0 at the end.
    private func readBlock(_ buffers: CheckBuffers, from start: Int, lookup: Bool) throws(DumpError) -> Int {
        let n = try outputs.next(into: buffers.yBits)
        func same(_ column: DumpColumn?, _ into: UnsafeMutableBufferPointer<UInt64>) throws(DumpError) {
            guard let column else { return }
            let k = try column.next(into: UnsafeMutableBufferPointer(rebasing: into[0..<Swift.max(n, 1)]))
            guard k == n else {
                let (short, long) = k < n ? (column.path, outputs.path) : (outputs.path, column.path)
                throw DumpError(
                    short,
                    "it ends after \(start + Swift.min(k, n)) values, before \(long); they must be as long")
            }
        }
        try same(derivatives, buffers.dyBits)
        if let inputs {
            try same(inputs, buffers.xBits)
            if let x = expected?.x, !lookup {
                try same(x, buffers.tableX)
                if let i = (0..<n).first(where: { buffers.tableX[$0] != buffers.xBits[$0] }) {
                    throw DumpError(
                        x.path,
                        "its row \(start + i) is for input 0x\(String(buffers.tableX[i], radix: 16)), the dump's for "
                            + "0x\(String(buffers.xBits[i], radix: 16)): a table's rows must follow the dump's inputs"
                    )
                }
            }
        } else if let x = expected?.x {
            try same(x, buffers.xBits)
        } else {
            for i in 0..<n { buffers.xBits[i] = UInt64(start + i) }
            let all = format.bitWidth >= 63 ? Int.max : 1 << format.bitWidth
            if n > 0 && start + n > all {
                throw DumpError(
                    outputs.path, "it holds more values than \(format.name) has bit patterns; give --input")
            }
        }
        if let expected, !lookup {
            try same(expected.f, buffers.expectedF)
            try same(expected.df, buffers.expectedDF)
        }
        return n
    }

    /// The correctly rounded values of a block: computed, or the table's; each core a chunk.
    private func truth(
        _ buffers: CheckBuffers, _ n: Int, _ evaluation: FormatEvaluation, _ lookup: TableLookup?
    ) {
        let decode = RowComparison.Decoder(format)
        if let lookup {
            for i in 0..<n { buffers.xs[i] = decode.value(buffers.xBits[i]) }
            for i in 0..<n {
                let (f, df) = lookup.values(buffers.xBits[i])
                buffers.points[i] = FormatPoint(
                    input: buffers.xs[i], value: f, derivative: df, exactValue: f, exactDerivative: df,
                    valueCertain: true, derivativeCertain: true)
            }
            return
        }
        let chunk = RowComparison.chunk
        let table = expected.map { $0.df != nil }
        let shared = UncheckedSendable(buffers)
        DispatchQueue.concurrentPerform(iterations: (n + chunk - 1) / chunk) { k in
            let buffers = shared.value
            let range = k * chunk..<Swift.min(n, (k + 1) * chunk)
            // The inputs decoded here, each core its chunk.
            for i in range { buffers.xs[i] = decode.value(buffers.xBits[i]) }
            guard let derivatives = table else {
                evaluation.evaluate(
                    UnsafeBufferPointer(rebasing: buffers.xs[range]),
                    into: UnsafeMutableBufferPointer(rebasing: buffers.points[range]))
                return
            }
            for i in range {
                let f = decode.value(buffers.expectedF[i])
                let df = derivatives ? decode.value(buffers.expectedDF[i]) : .nan
                buffers.points[i] = FormatPoint(
                    input: buffers.xs[i], value: f, derivative: df, exactValue: f, exactDerivative: df,
                    valueCertain: true, derivativeCertain: true)
            }
        }
    }
}

/// The buffers of one block of a check.
struct CheckBuffers {
    let xBits, yBits, dyBits, expectedF, expectedDF, tableX: UnsafeMutableBufferPointer<UInt64>
    /// Each row's error as the comparison measured it (for --plot).
    let xs, ulps: UnsafeMutableBufferPointer<Double>
    let points: UnsafeMutableBufferPointer<FormatPoint>

    init(capacity: Int) {
        (xBits, yBits, dyBits) = (
            .allocate(capacity: capacity), .allocate(capacity: capacity), .allocate(capacity: capacity)
        )
        (expectedF, expectedDF) = (.allocate(capacity: capacity), .allocate(capacity: capacity))
        tableX = .allocate(capacity: capacity)
        (xs, ulps) = (.allocate(capacity: capacity), .allocate(capacity: capacity))
        points = .allocate(capacity: capacity)
    }

    func deallocate() {
        for buffer in [xBits, yBits, dyBits, expectedF, expectedDF, tableX] { buffer.deallocate() }
        xs.deallocate()
        ulps.deallocate()
        points.deallocate()
    }
}

/// The naive and opmath evaluations of a check with --explain, and their points' buffers.
struct Explainer {
    let naive: FormatEvaluation
    let opmath: FormatEvaluation
    let points: UnsafeMutableBufferPointer<FormatPoint>

    init(_ function: Activation, _ format: NumberFormat) {
        naive = FormatEvaluation(function, format: format, arithmetic: .naive)
        opmath = FormatEvaluation(function, format: format, arithmetic: .opmath)
        points = .allocate(capacity: 2 * CheckRun.block)
    }

    func deallocate() { points.deallocate() }

    /// Evaluates a block both ways and adds it to the explanation.
    func add(_ buffers: CheckBuffers, _ n: Int, derivatives: Bool, to explanation: inout CheckExplanation?) {
        let inputs = UnsafeBufferPointer(rebasing: buffers.xs[0..<n])
        let (first, second) = (points[0..<n], points[CheckRun.block..<CheckRun.block + n])
        naive.evaluate(inputs, into: UnsafeMutableBufferPointer(rebasing: first))
        opmath.evaluate(inputs, into: UnsafeMutableBufferPointer(rebasing: second))
        explanation?.add(
            buffers, n, naive: UnsafeBufferPointer(rebasing: first),
            opmath: UnsafeBufferPointer(rebasing: second),
            format: naive.format, derivatives: derivatives)
    }
}

/// A golden table of an 8- or 16-bit format read whole: f and f′ by input bit pattern.
struct TableLookup {
    let f: [Double]
    let df: [Double]?

    /// Reads the table's columns; its rows must be the format's bit patterns in order, as
    /// `actplot table` writes them.
    init(_ table: (f: DumpColumn, df: DumpColumn?, x: DumpColumn?), _ format: NumberFormat) throws(DumpError)
    {
        let count = 1 << format.bitWidth
        func column(_ column: DumpColumn) throws(DumpError) -> [UInt64] {
            let bits = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
            defer { bits.deallocate() }
            let n = try column.next(into: bits)
            guard n == count else { throw DumpError(column.path, "it ends after \(n) of its \(count) rows") }
            return Array(bits)
        }
        if let x = table.x {
            let inputs = try column(x)
            if let row = inputs.indices.first(where: { inputs[$0] != UInt64($0) }) {
                throw DumpError(
                    x.path,
                    "its row \(row) is for input 0x\(String(inputs[row], radix: 16)): a whole table must hold the "
                        + "bit patterns in order, as actplot table writes it")
            }
        }
        f = try column(table.f).map { format.value(bits: $0) }
        df = try table.df.map { c throws(DumpError) in try column(c).map { format.value(bits: $0) } }
    }

    /// f and f′ (NaN without a column) at an input's bit pattern.
    func values(_ bits: UInt64) -> (Double, Double) {
        let i = Int(truncatingIfNeeded: bits)
        return (f[i], df?[i] ?? .nan)
    }
}
