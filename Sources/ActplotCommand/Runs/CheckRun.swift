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
    /// What the dump is compared with where no table is given: the correctly rounded values
    /// (exact), or what the preset's framework returns (framework).
    var arithmetic = FormatEvaluation.Arithmetic.exact
    /// The instruction set the framework arithmetic follows.
    var instructionSet = FrameworkKernel.InstructionSet.avx512

    /// Rows a block.
    static let block = 1 << 18
    /// Rows a core reads, computes and compares at once.
    static let part = 1 << 12

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
        var evaluation = FormatEvaluation(
            function, format: format, arithmetic: arithmetic, isa: instructionSet)
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
        defer { comparison.deallocate() }
        comparison.profiling = profile
        if let expected, table == nil { comparison.truth = .table(derivatives: expected.df != nil) }
        // Each chunk of a block counts into a tally of its own, kept from block to block.
        let tallies = TallyPool(
            count: (buffers.capacity + RowComparison.chunk - 1) / RowComparison.chunk, worst: worstCount,
            derivatives: derivatives != nil)
        defer { tallies.deallocate() }
        let context = BlockContext(
            buffers: buffers, evaluation: evaluation, lookup: table, comparison: comparison, tallies: tallies)
        while true {
            let claims = try claim(from: outcome.rows, upTo: buffers.capacity, lookup: table != nil)
            let n = claims.count
            if n == 0 { break }
            let ordered = try compare(claims, from: outcome.rows, context)
            if !seen.isEmpty {
                for i in 0..<n { seen[Int(buffers.xBits[i])] = true }
            }
            inOrder = inOrder && ordered
            explainer?.add(buffers, n, derivatives: derivatives != nil, to: &outcome.explanation)
            add(n, context, to: &outcome)
            outcome.rows += n
        }
        outcome.coverage = coverage(seen: seen, inOrder: inOrder, rows: outcome.rows)
        return outcome
    }

    /// Reads and compares a block, each core a chunk at a time (read, the truth, the comparison,
    /// while the chunk's rows are in its cache), into the block's tallies.
    /// - Returns: Whether the block's inputs are the bit patterns from row `start` on, in order.
    /// - Throws: The first error in the dump's order, as a reading in order would meet it.
    private func compare(_ claims: BlockClaims, from start: Int, _ context: BlockContext) throws(DumpError)
        -> Bool
    {
        let n = claims.count
        let chunks = (n + RowComparison.chunk - 1) / RowComparison.chunk
        let results = UnsafeMutableBufferPointer<ChunkResult>.allocate(capacity: chunks)
        defer {
            results.baseAddress?.deinitialize(count: chunks)
            results.deallocate()
        }
        let shared = UncheckedSendable((self, claims, results, context))
        DispatchQueue.concurrentPerform(iterations: chunks) { k in
            let (run, claims, results, context) = shared.value
            let range = k * RowComparison.chunk..<Swift.min(n, (k + 1) * RowComparison.chunk)
            results.initializeElement(at: k, to: run.chunk(range, claims, start: start, context, tally: k))
        }
        if let error = results.lazy.compactMap(\.error).first { throw error }
        return results.allSatisfy(\.inOrder)
    }

    /// Adds a block's tallies to the outcome's parts, and its errors to the profile (--plot).
    private func add(_ n: Int, _ context: BlockContext, to outcome: inout Outcome) {
        let chunks = (n + RowComparison.chunk - 1) / RowComparison.chunk
        let (buffers, comparison, tallies) = (context.buffers, context.comparison, context.tallies)
        let value = UnsafeMutableBufferPointer(rebasing: tallies.value.prefix(chunks))
        comparison.merge(value, buffers, n, derivative: false, into: &outcome.value)
        outcome.profile?.add(buffers, n, derivative: false)
        if var part = outcome.derivative, let derivatives = tallies.derivative {
            // Taken out first, so that its histograms are not copied to be changed.
            outcome.derivative = nil
            let slopes = UnsafeMutableBufferPointer(rebasing: derivatives.prefix(chunks))
            comparison.merge(slopes, buffers, n, derivative: true, into: &part)
            outcome.derivative = part
            outcome.profile?.add(buffers, n, derivative: true)
        }
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

    /// Takes the next block of every column, up to `limit` rows, checking that they are as long.
    private func claim(from start: Int, upTo limit: Int, lookup: Bool) throws(DumpError) -> BlockClaims {
        let taken = try outputs.claim(upTo: limit)
        let n = taken.count
        func same(_ column: DumpColumn?) throws(DumpError) -> BlockClaims.Taken? {
            guard let column else { return nil }
            let claim = try column.claim(upTo: Swift.max(n, 1))
            guard claim.count == n else {
                let (short, long) =
                    claim.count < n ? (column.path, outputs.path) : (outputs.path, column.path)
                throw DumpError(
                    short,
                    "it ends after \(start + Swift.min(claim.count, n)) values, before \(long); they must be as long"
                )
            }
            return (column, claim)
        }
        var claims = BlockClaims(count: n, outputs: (outputs, taken))
        claims.derivatives = try same(derivatives)
        claims.inputs = try same(inputs)
        if !lookup { claims.tableX = try same(expected?.x) }
        let all = format.bitWidth >= 63 ? Int.max : 1 << format.bitWidth
        if claims.inputs == nil && claims.tableX == nil && n > 0 && start + n > all {
            throw DumpError(
                outputs.path, "it holds more values than \(format.name) has bit patterns; give --input")
        }
        if !lookup {
            claims.tableF = try same(expected?.f)
            claims.tableDF = try same(expected?.df)
        }
        return claims
    }

    /// Rows `range` of a block (row `start` of the dump its first): read, their correctly
    /// rounded values, and f and f′ compared.
    private func chunk(
        _ range: Range<Int>, _ claims: BlockClaims, start: Int, _ context: BlockContext, tally k: Int
    ) -> ChunkResult {
        let (buffers, comparison) = (context.buffers, context.comparison)
        let value = context.tallies.value.baseAddress.unsafelyUnwrapped + k
        let derivative = context.tallies.derivative.map { $0.baseAddress.unsafelyUnwrapped + k }
        var inOrder = true
        value.pointee.reset()
        derivative?.pointee.reset()
        // A few thousand rows at a time, so that what is read and computed for them is in the
        // core's cache when it is next read.
        for part in stride(from: range.lowerBound, to: range.upperBound, by: Self.part) {
            let rows = part..<Swift.min(part + Self.part, range.upperBound)
            do throws(DumpError) {
                try read(rows, claims, start: start, buffers)
            } catch {
                return ChunkResult(error: error)
            }
            truth(rows, buffers, context.evaluation, context.lookup, comparison)
            inOrder = inOrder && rows.allSatisfy { buffers.xBits[$0] == UInt64(start + $0) }
            value.pointee.add(rows, buffers, derivative: false, comparison)
            derivative?.pointee.add(rows, buffers, derivative: true, comparison)
        }
        value.pointee.finish()
        derivative?.pointee.finish()
        return ChunkResult(inOrder: inOrder)
    }

    /// Reads rows `range` of every column's block into the buffers.
    private func read(_ range: Range<Int>, _ claims: BlockClaims, start: Int, _ buffers: CheckBuffers)
        throws(DumpError)
    {
        func read(_ taken: BlockClaims.Taken?, into buffer: UnsafeMutableBufferPointer<UInt64>)
            throws(DumpError)
        {
            guard let (column, claim) = taken else { return }
            try column.read(range, of: claim, into: buffer)
        }
        try read(claims.outputs, into: buffers.yBits)
        try read(claims.derivatives, into: buffers.dyBits)
        if claims.inputs == nil, claims.tableX != nil {
            // The table's inputs are the dump's.
            try read(claims.tableX, into: buffers.xBits)
        } else if claims.inputs != nil {
            try read(claims.inputs, into: buffers.xBits)
            if let (x, _) = claims.tableX {
                try read(claims.tableX, into: buffers.tableX)
                if let i = range.first(where: { buffers.tableX[$0] != buffers.xBits[$0] }) {
                    throw DumpError(
                        x.path,
                        "its row \(start + i) is for input 0x\(String(buffers.tableX[i], radix: 16)), the dump's for "
                            + "0x\(String(buffers.xBits[i], radix: 16)): a table's rows must follow the dump's inputs"
                    )
                }
            }
        } else {
            for i in range { buffers.xBits[i] = UInt64(start + i) }
        }
        try read(claims.tableF, into: buffers.expectedF)
        try read(claims.tableDF, into: buffers.expectedDF)
    }

    /// The correctly rounded values of rows `range`: computed, or the table's.
    ///
    /// A table read beside the dump is left as bits for the comparison to read (made into
    /// points only for --explain).
    private func truth(
        _ range: Range<Int>, _ buffers: CheckBuffers, _ evaluation: FormatEvaluation, _ lookup: TableLookup?,
        _ comparison: RowComparison
    ) {
        let decode = comparison.decode
        for i in range { buffers.xs[i] = decode.value(buffers.xBits[i]) }
        if let lookup {
            for i in range {
                let (f, df) = lookup.values(buffers.xBits[i])
                buffers.points[i] = RowComparison.reference(input: buffers.xs[i], value: f, derivative: df)
            }
        } else if comparison.truth == .points {
            evaluation.evaluate(
                UnsafeBufferPointer(rebasing: buffers.xs[range]),
                into: UnsafeMutableBufferPointer(rebasing: buffers.points[range]))
            if evaluation.arithmetic == .framework {
                // The framework's results are the reference: errors are measured from them.
                for i in range {
                    let p = buffers.points[i]
                    buffers.points[i] = RowComparison.reference(
                        input: p.input, value: p.value, derivative: p.derivative)
                }
            }
        } else if explain {
            for i in range { buffers.points[i] = comparison.point(i, buffers) }
        }
    }
}

/// The columns' elements taken for one block of a check, each with its claim.
private struct BlockClaims {
    typealias Taken = (column: DumpColumn, claim: DumpColumn.Claim)
    let count: Int
    let outputs: Taken
    var derivatives, inputs: Taken?
    /// A golden table's x_bits, f_bits and df_bits read beside the dump.
    var tableX, tableF, tableDF: Taken?
}

/// What every block of a check uses: its buffers, the truth, the comparison and the tallies.
private struct BlockContext {
    let buffers: CheckBuffers
    let evaluation: FormatEvaluation
    /// A whole narrow table, looked up by input.
    let lookup: TableLookup?
    let comparison: RowComparison
    let tallies: TallyPool
}

/// What one chunk of a block found besides its counts: a reading error, or whether its inputs
/// are the bit patterns in order.
private struct ChunkResult {
    var error: DumpError?
    var inOrder = false
}

/// The tallies of a block's chunks, for f and for f′, made once for every block.
private struct TallyPool {
    let value: UnsafeMutableBufferPointer<ChunkTally>
    let derivative: UnsafeMutableBufferPointer<ChunkTally>?

    init(count: Int, worst: Int, derivatives: Bool) {
        // Each made apart: a tally's bins are its own.
        func tallies() -> UnsafeMutableBufferPointer<ChunkTally> {
            let tallies = UnsafeMutableBufferPointer<ChunkTally>.allocate(capacity: count)
            for k in 0..<count { tallies.initializeElement(at: k, to: ChunkTally(worst: worst)) }
            return tallies
        }
        value = tallies()
        derivative = derivatives ? tallies() : nil
    }

    func deallocate() {
        for tallies in [value] + (derivative.map { [$0] } ?? []) {
            for tally in tallies { tally.deallocate() }
            tallies.baseAddress?.deinitialize(count: tallies.count)
            tallies.deallocate()
        }
    }
}

/// The buffers of one block of a check.
struct CheckBuffers {
    let xBits, yBits, dyBits, expectedF, expectedDF, tableX: UnsafeMutableBufferPointer<UInt64>
    /// Each row's error as the comparison measured it (for --plot).
    let xs, ulps: UnsafeMutableBufferPointer<Double>
    let points: UnsafeMutableBufferPointer<FormatPoint>
    /// Each row's mark for the plain path's bit-exact rows (``RowComparison``).
    let marks: UnsafeMutableBufferPointer<UInt8>

    /// Rows a block holds.
    var capacity: Int { xBits.count }

    init(capacity: Int) {
        (xBits, yBits, dyBits) = (
            .allocate(capacity: capacity), .allocate(capacity: capacity), .allocate(capacity: capacity)
        )
        (expectedF, expectedDF) = (.allocate(capacity: capacity), .allocate(capacity: capacity))
        tableX = .allocate(capacity: capacity)
        (xs, ulps) = (.allocate(capacity: capacity), .allocate(capacity: capacity))
        points = .allocate(capacity: capacity)
        marks = .allocate(capacity: capacity)
    }

    func deallocate() {
        for buffer in [xBits, yBits, dyBits, expectedF, expectedDF, tableX] { buffer.deallocate() }
        xs.deallocate()
        ulps.deallocate()
        points.deallocate()
        marks.deallocate()
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
