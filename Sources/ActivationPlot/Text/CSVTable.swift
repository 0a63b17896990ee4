import ActivationCore
import Dispatch

/// Comma-separated values (RFC 4180) of x and each function's f, f′, f″, streamed in blocks so
/// that any number of rows takes constant memory.
///
/// ```
/// x,relu,relu'
/// -5,0,0
/// -4.9,0,0
/// ```
/// Numbers are the shortest text that reads back to the same double, or rounded to
/// `precision` significant digits; `.` is the decimal separator and `\n` ends each line.
/// Names that hold a comma or a quote (`leaky_relu(alpha=0.2,kink=inclusive)`) are quoted.
public struct CSVTable: Sendable {
    /// The functions and their column names.
    public var functions: [(name: String, function: Activation)]
    /// The x grid.
    public var sampling: Sampling
    /// Include f columns (`--show` may leave them out).
    public var value = true
    /// Include f′ columns.
    public var derivative: Bool
    /// Include f″ columns.
    public var secondDerivative: Bool
    /// Significant digits, or nil for shortest round-trip text.
    public var precision: Int?
    /// Add columns f − g (and f′ − g′, f″ − g″ with the derivatives) between the first
    /// function and each other one, named `relu - gelu`, `relu' - gelu'`, `relu'' - gelu''`.
    public var differences = false
    /// Add, after each function's own columns, its f and f′ as a narrow format computes them
    /// (`sigmoid [bf16 naive]`, `sigmoid' [bf16 naive]`), or their errors in ulps of the format
    /// (`sigmoid ulps [bf16 naive]`).
    public var computed: Computed?
    /// The byte between fields: a comma (CSV) or a tab (TSV).
    public var separator = UInt8(ascii: ",")
    /// Plain column names, as numpy, pandas and R keep them: `gelu`, `gelu_d1`, `gelu_d2`,
    /// `leaky_relu_alpha_0.1` (primes become `_1` in numpy and `.` in R).
    public var plainHeader = false
    /// A first field on every row, and no header: the long layout writes one table per function
    /// under one header of its own, each row starting with the function's name.
    public var rowLabel: String?

    /// The functions as a narrow format computes them, one evaluation per function.
    public struct Computed: Sendable {
        /// Each function in the format, in the order of ``CSVTable/functions``.
        public var evaluations: [FormatEvaluation]
        /// Whether the columns hold the errors in ulps of the format instead of the values.
        public var errors: Bool

        /// Columns of computed values (or of their errors).
        public init(_ evaluations: [FormatEvaluation], errors: Bool = false) {
            self.evaluations = evaluations
            self.errors = errors
        }
    }

    /// A table description.
    public init(
        functions: [(name: String, function: Activation)], sampling: Sampling, derivative: Bool = true,
        secondDerivative: Bool = false, precision: Int? = nil
    ) {
        self.functions = functions
        self.sampling = sampling
        self.derivative = derivative
        self.secondDerivative = secondDerivative
        self.precision = precision
    }

    /// The header line, without the line end.
    public var header: String {
        var fields = ["x"]
        let (d1, d2) = plainHeader ? ("_d1", "_d2") : ("'", "''")
        for (k, (written, _)) in functions.enumerated() {
            let name = plainHeader ? Self.plain(written) : written
            if value { fields.append(name) }
            if derivative { fields.append(name + d1) }
            if secondDerivative { fields.append(name + d2) }
            if let computed {
                let e = computed.evaluations[k]
                let tag = (computed.errors ? " ulps " : " ") + e.curveSuffix
                let suffix = plainHeader ? "_" + Self.plain(tag) : tag
                if value { fields.append(name + suffix) }
                if derivative { fields.append(name + d1 + suffix) }
            }
        }
        if differences {
            let f = plainHeader ? Self.plain(functions[0].name) : functions[0].name
            let minus = plainHeader ? "_minus_" : " - "
            for (written, _) in functions.dropFirst() {
                let name = plainHeader ? Self.plain(written) : written
                if value { fields.append(f + minus + name) }
                if derivative { fields.append(f + d1 + minus + name + d1) }
                if secondDerivative { fields.append(f + d2 + minus + name + d2) }
            }
        }
        return joined(fields)
    }

    /// The long layout's header: `function,x,f,df` (and `d2f`; without `f` where it is left out).
    public var longHeader: String {
        joined(
            ["function", "x"] + (value ? ["f"] : []) + (derivative ? ["df"] : [])
                + (secondDerivative ? ["d2f"] : []))
    }

    /// Fields joined by the separator, each quoted for CSV, or with its tabs and line breaks
    /// made spaces for TSV (which has no quoting).
    func joined(_ fields: [String]) -> String {
        if separator == UInt8(ascii: ",") { return fields.map(Self.field).joined(separator: ",") }
        return fields.map { String($0.map { "\t\n\r".contains($0) ? " " : $0 }) }.joined(separator: "\t")
    }

    /// A name as an identifier: runs of anything but letters, digits, `_` and `.` become one
    /// `_`, none at the ends (`leaky_relu(alpha=0.1)` → `leaky_relu_alpha_0.1`).
    public static func plain(_ name: String) -> String {
        var out = ""
        var gap = false
        for c in name {
            if c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == ".") {
                if gap && !out.isEmpty { out.append("_") }
                out.append(c)
                gap = false
            } else {
                gap = true
            }
        }
        return out.isEmpty ? "f" : out
    }

    /// A field quoted as RFC 4180 requires when it holds a comma, quote or line break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
            + "\""
    }

    /// Rows per block.
    ///
    /// Blocks are evaluated and formatted on every core, a round of one block per core at a
    /// time, and written in order by a writer thread while the next round is formatted:
    /// memory stays at two rounds of text.
    public static let blockRows = 16_384

    /// Writes the header and every row, in blocks of bytes, to a receiver that takes them all
    /// (memory, a test).
    /// - Parameter write: Receives the text, block by block, in order, on one thread at a time.
    public func write(to write: (UnsafeRawBufferPointer) -> Void) {
        self.stream(to: { bytes in
            write(bytes)
            return true
        })
    }

    /// Writes the header and every row, in blocks of bytes, until the receiver refuses one.
    /// - Parameter write: Receives the text, block by block, in order, on one thread at a time
    ///   (not always the caller's), and returns whether to go on (false when its reader has
    ///   gone away: the rows not yet formatted are not); it has returned for every block it
    ///   received when this method returns.
    public func stream(to write: (UnsafeRawBufferPointer) -> Bool) {
        if rowLabel == nil {
            guard Array((header + "\n").utf8).withUnsafeBytes(write) else { return }
        }
        let count = sampling.count
        let blocks = (count + Self.blockRows - 1) / Self.blockRows
        let workers = Swift.max(1, Swift.min(Concurrency.processorCount, blocks, 8))
        // Two sets of buffers: while one round is written, the next is formatted in the other.
        var buffers = (0..<2 * workers).map { _ in BlockBuffer(table: self) }
        // Set by the writer thread; read after waiting for it.
        let stopped = UncheckedSendable(StopFlag())
        withoutActuallyEscaping(write) { write in
            buffers.withUnsafeMutableBufferPointer { buffers in
                let shared = UncheckedSendable((buffers, write))
                let writer = DispatchQueue(label: "actplot.csv.writer")
                let written = DispatchGroup()
                var (first, set) = (0, 0)
                while first < blocks {
                    let (round, base, offset) = (Swift.min(workers, blocks - first), first, set * workers)
                    if round == 1 {
                        buffers[offset].format(block: base)
                    } else {
                        DispatchQueue.concurrentPerform(iterations: round) { k in
                            shared.value.0[offset + k].format(block: base + k)
                        }
                    }
                    // The round before has been written, so its buffers are free for the next one.
                    written.wait()
                    if stopped.value.isSet { break }
                    writer.async(group: written) {
                        let (buffers, write) = shared.value
                        for k in offset..<offset + round where !stopped.value.isSet {
                            buffers[k].text.withUnsafeBytes {
                                if !write(UnsafeRawBufferPointer(rebasing: $0[0..<buffers[k].length])) {
                                    stopped.value.isSet = true
                                }
                            }
                        }
                    }
                    first += round
                    set = 1 - set
                }
                written.wait()
            }
        }
    }
}

/// Whether the receiver of a table's text has refused more.
private final class StopFlag {
    var isSet = false
}

/// One worker's block: the x values, every column's numbers, and the text.
private struct BlockBuffer {
    let table: CSVTable
    var xs: [Double]
    /// [f, f′, f″] per function, each ``CSVTable/blockRows`` long.
    var columns: [Double]
    /// [f, f′] as the format computes them (or their errors) per function, with ``CSVTable/computed``.
    var computed: [Double]
    /// The block's text: the first ``length`` bytes.
    var text: [UInt8] = []
    var length = 0

    init(table: CSVTable) {
        self.table = table
        self.xs = [Double](repeating: 0, count: CSVTable.blockRows)
        self.columns = [Double](
            repeating: 0, count: Swift.max(1, table.functions.count * 3 * CSVTable.blockRows))
        self.computed = [Double](
            repeating: 0, count: table.computed == nil ? 0 : table.functions.count * 2 * CSVTable.blockRows)
    }

    /// Evaluates and formats block `index` into ``text``.
    mutating func format(block index: Int) {
        let b = CSVTable.blockRows
        let start = index * b
        let n = Swift.min(b, table.sampling.count - start)
        for i in 0..<n { xs[i] = table.sampling[start + i] }
        evaluate(count: n)
        evaluateComputed(count: n)
        let orders =
            (table.value ? [0] : []) + (table.derivative ? [1] : []) + (table.secondDerivative ? [2] : [])
        let differenceOrders = table.differences ? orders : []
        let computedOrders =
            table.computed == nil ? [] : (table.value ? [0] : []) + (table.derivative ? [1] : [])
        let fields =
            1 + table.functions.count * (orders.count + computedOrders.count)
            + (table.functions.count - 1) * differenceOrders.count
        let label = table.rowLabel.map { Array(table.joined([$0]).utf8) } ?? []
        let capacity = n * (fields * (DecimalText.maximumLength + 1) + label.count + 1)
        if text.count < capacity {
            // Left unwritten: the rows fill about two thirds of the room, and pages never
            // touched take no memory.
            text = [UInt8](unsafeUninitializedCapacity: capacity) { _, count in count = capacity }
        }
        length = write(
            count: n, orders: orders, computedOrders: computedOrders, differenceOrders: differenceOrders,
            label: label)
    }

    /// Every function's f and f′ as the format computes them (or their errors) at the block's
    /// first `n` x, with ``CSVTable/computed``.
    private mutating func evaluateComputed(count n: Int) {
        guard let computed = table.computed else { return }
        let b = CSVTable.blockRows
        for (k, e) in computed.evaluations.enumerated() {
            for i in 0..<n {
                let p = e.evaluate(at: xs[i])
                let (value, derivative) =
                    computed.errors ? p.signedErrors(in: e.format) : (p.value, p.derivative)
                self.computed[2 * k * b + i] = value
                self.computed[(2 * k + 1) * b + i] = derivative
            }
        }
    }

    /// Every function's f, and f′ and f″ when the table has them, at the block's first `n` x.
    private mutating func evaluate(count n: Int) {
        let b = CSVTable.blockRows
        let (derivative, second) = (table.derivative, table.secondDerivative)
        xs.withUnsafeBufferPointer { input in
            columns.withUnsafeMutableBufferPointer { storage in
                func column(_ k: Int, _ order: Int) -> UnsafeMutableBufferPointer<Double> {
                    UnsafeMutableBufferPointer(
                        rebasing: storage[(3 * k + order) * b..<(3 * k + order) * b + n])
                }
                for (k, item) in table.functions.enumerated() {
                    item.function.evaluate(
                        UnsafeBufferPointer(rebasing: input[0..<n]), values: column(k, 0),
                        derivatives: derivative ? column(k, 1) : nil,
                        secondDerivatives: second ? column(k, 2) : nil)
                }
            }
        }
    }

    /// The text of the block's first `n` rows, written into ``text``.
    /// - Returns: Its length in bytes.
    private mutating func write(
        count n: Int, orders: [Int], computedOrders: [Int], differenceOrders: [Int], label: [UInt8]
    ) -> Int {
        let (b, precision, functions, xs) = (CSVTable.blockRows, table.precision, table.functions, xs)
        let separator = table.separator
        let computed = self.computed
        return columns.withUnsafeBufferPointer { storage in
            text.withUnsafeMutableBufferPointer { text in
                guard let start = text.baseAddress else { return 0 }
                var p = start
                func number(_ value: Double) {
                    p.pointee = separator
                    p += 1
                    guard let precision else {
                        p += DecimalText.write(value, to: p)
                        return
                    }
                    for byte in NumberText.format(value, significantDigits: precision).utf8 {
                        p.pointee = byte
                        p += 1
                    }
                }
                for i in 0..<n {
                    if !label.isEmpty {
                        for byte in label {
                            p.pointee = byte
                            p += 1
                        }
                        p.pointee = separator
                        p += 1
                    }
                    p += DecimalText.write(xs[i], to: p)
                    for k in functions.indices {
                        for order in orders { number(storage[(3 * k + order) * b + i]) }
                        for order in computedOrders { number(computed[(2 * k + order) * b + i]) }
                    }
                    for k in functions.indices.dropFirst() {
                        for order in differenceOrders {
                            number(storage[order * b + i] - storage[(3 * k + order) * b + i])
                        }
                    }
                    p.pointee = UInt8(ascii: "\n")
                    p += 1
                }
                return p - start
            }
        }
    }
}
