import ActivationCore

/// A column of a golden table: an input's or a result's bit pattern, its value as float32
/// (float64 for float64), or the uncertainty flags.
enum TableColumn: String, CaseIterable {
    case xBits = "x_bits"
    case fBits = "f_bits"
    case dfBits = "df_bits"
    case d2fBits = "d2f_bits"
    case x
    case f
    case df
    case d2f
    case flags

    /// Whether the column holds bit patterns (else values or flags).
    var holdsBits: Bool { [.xBits, .fBits, .dfBits, .d2fBits].contains(self) }

    /// Whether the column needs f″.
    var needsCurvature: Bool { self == .d2fBits || self == .d2f }

    /// The columns of a table, in the order of a record: bits, then values, then flags.
    static func standard(curvature: Bool) -> [TableColumn] {
        allCases.filter { curvature || !$0.needsCurvature }
    }

    /// The columns of a CSV row: each value's bits beside it.
    static func csvOrder(_ columns: [TableColumn]) -> [TableColumn] {
        let pairs: [TableColumn] = [.xBits, .x, .fBits, .f, .dfBits, .df, .d2fBits, .d2f, .flags]
        return pairs.filter(columns.contains)
    }

    /// The bytes a field takes in a format of `bitWidth` bits.
    func width(bitWidth: Int) -> Int {
        if self == .flags { return 1 }
        if holdsBits { return bitWidth <= 8 ? 1 : bitWidth <= 16 ? 2 : bitWidth <= 32 ? 4 : 8 }
        return bitWidth > 32 ? 8 : 4
    }

    /// NumPy's type string for the field: `|u1`, `<u2`, `<u4`, `<u8`, `<f4`, `<f8`.
    func numpyType(bitWidth: Int) -> String {
        let bytes = width(bitWidth: bitWidth)
        if holdsBits || self == .flags { return bytes == 1 ? "|u1" : "<u\(bytes)" }
        return "<f\(bytes)"
    }
}

/// The rows of one block of a golden table, computed and held in buffers of fixed size, from
/// which any column's fields are stored at any stride: packed records of a structured array
/// (the record's size) or planar columns (the field's size).
struct TableBlock {
    let format: NumberFormat
    /// Rows in this block.
    private(set) var count = 0
    let patterns: UnsafeMutableBufferPointer<UInt64>
    let inputs: UnsafeMutableBufferPointer<Double>
    let points: UnsafeMutableBufferPointer<FormatPoint>
    /// f″ rounded to the format, and whether it is certain, where asked for.
    let curvatures: UnsafeMutableBufferPointer<Double>
    let curvaturesCertain: UnsafeMutableBufferPointer<Bool>

    /// Buffers for up to `capacity` rows.
    init(format: NumberFormat, capacity: Int, curvature: Bool) {
        self.format = format
        patterns = .allocate(capacity: capacity)
        inputs = .allocate(capacity: capacity)
        points = .allocate(capacity: capacity)
        curvatures = .allocate(capacity: curvature ? capacity : 0)
        curvaturesCertain = .allocate(capacity: curvature ? capacity : 0)
    }

    /// Frees the buffers.
    func deallocate() {
        patterns.deallocate()
        inputs.deallocate()
        points.deallocate()
        curvatures.deallocate()
        curvaturesCertain.deallocate()
    }

    /// Computes rows `range` of the block (their patterns already set): f and f′ rounded once,
    /// and f″ where its buffer is there.
    func compute(_ range: Range<Int>, _ evaluation: FormatEvaluation) {
        for i in range { inputs[i] = format.value(bits: patterns[i]) }
        let slice = UnsafeBufferPointer(rebasing: inputs[range])
        evaluation.evaluate(slice, into: UnsafeMutableBufferPointer(rebasing: points[range]))
        if !curvatures.isEmpty {
            evaluation.curvatures(
                slice, into: UnsafeMutableBufferPointer(rebasing: curvatures[range]),
                certain: UnsafeMutableBufferPointer(rebasing: curvaturesCertain[range]))
        }
    }

    /// Sets how many rows the block holds.
    mutating func resize(_ n: Int) { count = n }

    /// Stores rows `range`'s fields of `column`, little-endian, at `base + offset + stride·i`.
    @inline(__always)
    func store(_ column: TableColumn, _ range: Range<Int>, at base: UnsafeMutableRawPointer, stride: Int) {
        let bytes = column.width(bitWidth: format.bitWidth)
        switch column {
        case .xBits: Self.put(range, bytes, base, stride) { patterns[$0] }
        case .fBits: Self.put(range, bytes, base, stride) { format.bits(of: points[$0].value) }
        case .dfBits: Self.put(range, bytes, base, stride) { format.bits(of: points[$0].derivative) }
        case .d2fBits: Self.put(range, bytes, base, stride) { format.bits(of: curvatures[$0]) }
        case .x: Self.putValues(range, bytes, base, stride) { inputs[$0] }
        case .f: Self.putValues(range, bytes, base, stride) { points[$0].value }
        case .df: Self.putValues(range, bytes, base, stride) { points[$0].derivative }
        case .d2f: Self.putValues(range, bytes, base, stride) { curvatures[$0] }
        case .flags: Self.put(range, 1, base, stride) { flags($0) }
        }
    }

    /// Row i's flags: bit 0 f uncertain, bit 1 f′ uncertain, bit 2 f″ uncertain.
    @inline(__always)
    func flags(_ i: Int) -> UInt64 {
        let p = points[i]
        let curvature = curvatures.isEmpty || curvaturesCertain[i] ? 0 : 4
        return UInt64((p.valueCertain ? 0 : 1) | (p.derivativeCertain ? 0 : 2) | curvature)
    }

    /// Stores `bytes` low bytes of each row's number.
    @inline(__always)
    private static func put(
        _ range: Range<Int>, _ bytes: Int, _ base: UnsafeMutableRawPointer, _ stride: Int,
        _ number: (Int) -> UInt64
    ) {
        switch bytes {
        case 1:
            for i in range {
                base.storeBytes(
                    of: UInt8(truncatingIfNeeded: number(i)), toByteOffset: i * stride, as: UInt8.self)
            }
        case 2:
            for i in range {
                base.storeBytes(
                    of: UInt16(truncatingIfNeeded: number(i)).littleEndian, toByteOffset: i * stride,
                    as: UInt16.self)
            }
        case 4:
            for i in range {
                base.storeBytes(
                    of: UInt32(truncatingIfNeeded: number(i)).littleEndian, toByteOffset: i * stride,
                    as: UInt32.self)
            }
        default:
            for i in range {
                base.storeBytes(of: number(i).littleEndian, toByteOffset: i * stride, as: UInt64.self)
            }
        }
    }

    /// Stores each row's value as float32 (4 bytes) or float64 (8).
    @inline(__always)
    private static func putValues(
        _ range: Range<Int>, _ bytes: Int, _ base: UnsafeMutableRawPointer, _ stride: Int,
        _ value: (Int) -> Double
    ) {
        if bytes == 8 {
            put(range, 8, base, stride) { value($0).bitPattern }
        } else {
            put(range, 4, base, stride) { UInt64(Float(value($0)).bitPattern) }
        }
    }
}
