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
    /// Include f′ columns.
    public var derivative: Bool
    /// Include f″ columns.
    public var secondDerivative: Bool
    /// Significant digits, or nil for shortest round-trip text.
    public var precision: Int?
    /// Add columns f − g (and f′ − g′, f″ − g″ with the derivatives) between the first
    /// function and each other one, named `relu - gelu`, `relu' - gelu'`, `relu'' - gelu''`.
    public var differences = false

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
        for (name, _) in functions {
            fields.append(name)
            if derivative { fields.append(name + "'") }
            if secondDerivative { fields.append(name + "''") }
        }
        if differences {
            let f = functions[0].name
            for (name, _) in functions.dropFirst() {
                fields.append(f + " - " + name)
                if derivative { fields.append(f + "' - " + name + "'") }
                if secondDerivative { fields.append(f + "'' - " + name + "''") }
            }
        }
        return fields.map(Self.field).joined(separator: ",")
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

    /// Writes the header and every row, in blocks of bytes.
    /// - Parameter write: Receives the text, block by block, in order, on one thread at a time
    ///   (not always the caller's); it has returned for every block when this method returns.
    public func write(to write: (UnsafeRawBufferPointer) -> Void) {
        Array((header + "\n").utf8).withUnsafeBytes(write)
        let count = sampling.count
        let blocks = (count + Self.blockRows - 1) / Self.blockRows
        let workers = Swift.max(1, Swift.min(Concurrency.processorCount, blocks, 8))
        // Two sets of buffers: while one round is written, the next is formatted in the other.
        var buffers = (0..<2 * workers).map { _ in BlockBuffer(table: self) }
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
                    writer.async(group: written) {
                        let (buffers, write) = shared.value
                        for k in offset..<offset + round {
                            buffers[k].text.withUnsafeBytes {
                                write(UnsafeRawBufferPointer(rebasing: $0[0..<buffers[k].length]))
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

/// One worker's block: the x values, every column's numbers, and the text.
private struct BlockBuffer {
    let table: CSVTable
    var xs: [Double]
    /// [f, f′, f″] per function, each ``CSVTable/blockRows`` long.
    var columns: [Double]
    /// The block's text: the first ``length`` bytes.
    var text: [UInt8] = []
    var length = 0

    init(table: CSVTable) {
        self.table = table
        self.xs = [Double](repeating: 0, count: CSVTable.blockRows)
        self.columns = [Double](
            repeating: 0, count: Swift.max(1, table.functions.count * 3 * CSVTable.blockRows))
    }

    /// Evaluates and formats block `index` into ``text``.
    mutating func format(block index: Int) {
        let b = CSVTable.blockRows
        let start = index * b
        let n = Swift.min(b, table.sampling.count - start)
        for i in 0..<n { xs[i] = table.sampling[start + i] }
        evaluate(count: n)
        let orders = [0] + (table.derivative ? [1] : []) + (table.secondDerivative ? [2] : [])
        let differenceOrders = table.differences ? orders : []
        let fields =
            1 + table.functions.count * orders.count + (table.functions.count - 1) * differenceOrders.count
        let capacity = n * fields * (DecimalText.maximumLength + 1)
        if text.count < capacity { text = [UInt8](repeating: 0, count: capacity) }
        length = write(count: n, orders: orders, differenceOrders: differenceOrders)
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
    private mutating func write(count n: Int, orders: [Int], differenceOrders: [Int]) -> Int {
        let (b, precision, functions, xs) = (CSVTable.blockRows, table.precision, table.functions, xs)
        return columns.withUnsafeBufferPointer { storage in
            text.withUnsafeMutableBufferPointer { text in
                guard let start = text.baseAddress else { return 0 }
                var p = start
                func number(_ value: Double) {
                    p.pointee = UInt8(ascii: ",")
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
                    p += DecimalText.write(xs[i], to: p)
                    for k in functions.indices {
                        for order in orders { number(storage[(3 * k + order) * b + i]) }
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
