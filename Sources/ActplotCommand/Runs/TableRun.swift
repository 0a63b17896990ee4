import ActivationCore
import Dispatch

/// One run of `actplot table`: f and f′ (and f″) correctly rounded in a format, at every input of
/// a narrow format (by bit pattern from 0, NaN patterns included), at every float32 of a range
/// in value order, or at samples; written a block at a time, in constant memory, as packed
/// records (a structured `.npy`), planar columns (`.npy` per column, or raw), or CSV.
struct TableRun {
    let function: Activation
    let format: NumberFormat
    /// The inputs' bit patterns, in order.
    let inputs: Inputs
    /// The columns written, in record order.
    let columns: [TableColumn]

    /// Rows a block: enough for each core to take a part of 64 Ki rows.
    static let block = 1 << 18
    /// Rows a core computes and stores at once.
    static let part = 1 << 16

    /// Where the rows' inputs come from.
    enum Inputs {
        /// Every bit pattern of the format, from 0.
        case everyPattern
        /// Every value of the format from the `lower`-th to the `upper`-th in value order,
        /// counted from 0 (−0 left out beside +0).
        case everyValue(lower: Int, upper: Int)
        /// `count` inputs evenly spaced from `lower` to `upper`, each rounded to the format.
        case samples(lower: Double, upper: Double, count: Int)
    }

    /// How many rows.
    var count: Int {
        switch inputs {
        case .everyPattern: 1 << format.bitWidth
        case .everyValue(let lower, let upper): upper - lower + 1
        case .samples(_, _, let count): count
        }
    }

    /// Whether f″ is computed.
    var curvature: Bool { columns.contains(where: \.needsCurvature) }

    /// The place, among the format's values in value order (−0 and +0 both 0), of the least value
    /// ≥ x (`above`), or the greatest ≤ x; x beyond the finite values counts as the largest.
    static func ordinal(_ x: Double, in format: NumberFormat, above: Bool) -> Int {
        let greatest = format.greatestFiniteMagnitude
        // Without a sign the values start at the least power of two (float8_e8m0fnu).
        let least = format.hasSign ? -greatest : format.leastNormalMagnitude
        if !above && x < least { return -1 }
        let clamped = Swift.max(least, Swift.min(greatest, x))
        let r = format.rounded(clamped)
        let magnitude = Int(truncatingIfNeeded: format.bits(of: r) & ~format.signMask)
        let k = r.sign == .minus ? -magnitude : magnitude
        if above && r < clamped { return k + 1 }
        if !above && r > clamped { return k - 1 }
        return k
    }

    /// The bit pattern of the i-th row's input.
    @inline(__always)
    func pattern(_ i: Int) -> UInt64 {
        switch inputs {
        case .everyPattern: return UInt64(i)
        case .everyValue(let lower, _):
            let k = lower + i
            return k < 0 ? UInt64(-k) | format.signMask : UInt64(k)
        case .samples(let lower, let upper, let count):
            let x =
                i == count - 1
                ? upper : lower + (upper - lower) * (Double(i) / Double(Swift.max(1, count - 1)))
            return format.bits(of: format.rounded(x))
        }
    }

    /// The bytes of one record of the packed layout.
    var recordSize: Int { columns.reduce(0) { $0 + $1.width(bitWidth: format.bitWidth) } }

    /// Computes the table a block at a time: the cores each take a part of the block, compute
    /// its rows and `store` them (into bytes that part alone touches); then `emit` writes the
    /// block.
    func forEachBlock(
        store: @escaping @Sendable (TableBlock, Range<Int>) -> Void, emit: (TableBlock) throws -> Void
    ) throws {
        let total = count
        let evaluation = FormatEvaluation(function, format: format, arithmetic: .exact)
        var block = TableBlock(format: format, capacity: Self.block, curvature: curvature)
        defer { block.deallocate() }
        var start = 0
        while start < total {
            let n = Swift.min(Self.block, total - start)
            block.resize(n)
            let shared = UncheckedSendable(block)
            DispatchQueue.concurrentPerform(iterations: (n + Self.part - 1) / Self.part) { [start] k in
                let range = k * Self.part..<Swift.min(n, (k + 1) * Self.part)
                for i in range { shared.value.patterns[i] = pattern(start + i) }
                shared.value.compute(range, evaluation)
                store(shared.value, range)
            }
            try emit(block)
            start += n
        }
    }
}

/// How a table's columns are laid out in bytes.
extension TableRun {
    /// A `.npy` header for the whole table as one structured array.
    func recordsHeader() -> [UInt8] {
        let fields = columns.map {
            NPYWriter.Field(name: $0.rawValue, type: $0.numpyType(bitWidth: format.bitWidth))
        }
        return NPYWriter.header(descr: NPYWriter.structured(fields), count: count)
    }

    /// A `.npy` header for one column as a plain array.
    func columnHeader(_ column: TableColumn) -> [UInt8] {
        NPYWriter.header(descr: "'\(column.numpyType(bitWidth: format.bitWidth))'", count: count)
    }

    /// Stores rows `range` of a block as packed records at `base`, the block's first record.
    func storeRecords(_ block: TableBlock, _ range: Range<Int>, at base: UnsafeMutableRawPointer) {
        let size = recordSize
        var offset = 0
        for column in columns {
            block.store(column, range, at: base + offset, stride: size)
            offset += column.width(bitWidth: format.bitWidth)
        }
    }

    /// The CSV header line: the column names, each value's bits before it.
    var csvHeader: String { TableColumn.csvOrder(columns).map(\.rawValue).joined(separator: ",") + "\n" }

    /// A block's rows as CSV, bits in hexadecimal (`0x3f80`) beside the shortest decimal values.
    func csvRows(_ block: TableBlock) -> String {
        let order = TableColumn.csvOrder(columns)
        let digits = (format.bitWidth + 3) / 4
        var text = ""
        for i in 0..<block.count {
            for (k, column) in order.enumerated() {
                if k > 0 { text += "," }
                text += csvField(column, i, block, digits: digits)
            }
            text += "\n"
        }
        return text
    }

    /// One field of a CSV row.
    private func csvField(_ column: TableColumn, _ i: Int, _ block: TableBlock, digits: Int) -> String {
        let value: Double
        switch column {
        case .xBits: return Self.hex(block.patterns[i], digits: digits)
        case .fBits: return Self.hex(format.bits(of: block.points[i].value), digits: digits)
        case .dfBits: return Self.hex(format.bits(of: block.points[i].derivative), digits: digits)
        case .d2fBits: return Self.hex(format.bits(of: block.curvatures[i]), digits: digits)
        case .flags: return String(block.flags(i))
        case .x: value = block.inputs[i]
        case .f: value = block.points[i].value
        case .df: value = block.points[i].derivative
        case .d2f: value = block.curvatures[i]
        }
        return DecimalText.shortest(value)
    }

    /// `0x` and the pattern in `digits` hexadecimal digits.
    static func hex(_ pattern: UInt64, digits: Int) -> String {
        let text = String(pattern, radix: 16)
        return "0x" + String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
    }
}
