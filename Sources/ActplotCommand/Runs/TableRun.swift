import ActivationCore
import ArgumentParser

/// One run of `actplot table`: f and f′ correctly rounded in a format, as `.npy` or CSV, at
/// every input of an 8- or 16-bit format (by bit pattern from 0, NaN patterns included) or at the
/// float32 inputs asked for; written a block at a time, in constant memory.
struct TableRun {
    let function: Activation
    let format: NumberFormat
    /// `npy` or `csv`.
    let output: String
    /// The inputs' bit patterns, in order.
    let inputs: Inputs

    /// Rows a block.
    static let block = 1 << 16

    /// Where the rows' inputs come from.
    enum Inputs {
        /// Every bit pattern of the format, from 0 (8- and 16-bit formats).
        case everyPattern
        /// Every float32 from `lower` to `upper`, in value order (−0 left out beside +0).
        case everyFloat(lower: Float, upper: Float)
        /// Given values, already in the format.
        case values([Double])
    }

    /// How many rows.
    var count: Int {
        switch inputs {
        case .everyPattern: 1 << format.bitWidth
        case .everyFloat(let lower, let upper): Self.ordinal(upper) - Self.ordinal(lower) + 1
        case .values(let xs): xs.count
        }
    }

    /// A float32's place among all of them in value order (−0 and +0 both 0).
    static func ordinal(_ x: Float) -> Int {
        let magnitude = Int(x.bitPattern & 0x7FFF_FFFF)
        return x.sign == .minus ? -magnitude : magnitude
    }

    /// The bit pattern of the i-th row's input.
    func pattern(_ i: Int) -> UInt64 {
        switch inputs {
        case .everyPattern: return UInt64(i)
        case .everyFloat(let lower, _):
            let k = Self.ordinal(lower) + i
            return UInt64(k < 0 ? UInt32(-k) | 0x8000_0000 : UInt32(k))
        case .values(let xs): return format.bits(of: xs[i])
        }
    }

    /// Writes the table through `emit`, a block of bytes at a time.
    func write(_ emit: ([UInt8]) throws -> Void) throws {
        let total = count
        try emit(
            output == "csv" ? Array("x_bits,x,f_bits,f,df_bits,df,flags\n".utf8) : npyHeader(count: total))
        let evaluation = FormatEvaluation(function, format: format, arithmetic: .exact)
        var start = 0
        while start < total {
            let n = Swift.min(Self.block, total - start)
            let patterns = (start..<start + n).map(pattern)
            let xs = patterns.map { format.value(bits: $0) }
            let points = xs.withUnsafeBufferPointer { inputs in
                [FormatPoint](unsafeUninitializedCapacity: n) { buffer, made in
                    evaluation.evaluate(inputs, into: buffer)
                    made = n
                }
            }
            try emit(output == "csv" ? csvRows(patterns, points) : npyRows(patterns, points))
            start += n
        }
    }

    /// The bytes a bit pattern takes, and NumPy's types for the bits and the values.
    private var layout: (width: Int, bits: String, value: String) {
        switch format.bitWidth {
        case ...8: (1, "|u1", "<f4")
        case ...16: (2, "<u2", "<f4")
        case ...32: (4, "<u4", "<f4")
        default: (8, "<u8", "<f8")
        }
    }

    /// A structured array's header: `x_bits`, `f_bits`, `df_bits`, `x`, `f`, `df` (float32,
    /// exact for every format up to 32 bits; float64 for float64) and `flags` (bit 0: f
    /// uncertain, bit 1: f′ uncertain).
    private func npyHeader(count: Int) -> [UInt8] {
        let (_, bits, value) = layout
        let fields =
            ["x_bits", "f_bits", "df_bits"].map { NPYWriter.Field(name: $0, type: bits) }
            + ["x", "f", "df"].map { NPYWriter.Field(name: $0, type: value) }
            + [NPYWriter.Field(name: "flags", type: "|u1")]
        return NPYWriter.header(fields: fields, count: count)
    }

    /// The records of a block.
    private func npyRows(_ patterns: [UInt64], _ points: [FormatPoint]) -> [UInt8] {
        let width = layout.width
        var bytes: [UInt8] = []
        bytes.reserveCapacity(points.count * (3 * width + (width == 8 ? 24 : 12) + 1))
        for (pattern, point) in zip(patterns, points) {
            NPYWriter.append(pattern, width: width, to: &bytes)
            NPYWriter.append(format.bits(of: point.value), width: width, to: &bytes)
            NPYWriter.append(format.bits(of: point.derivative), width: width, to: &bytes)
            for v in [format.value(bits: pattern), point.value, point.derivative] {
                let raw = width == 8 ? v.bitPattern : UInt64(Float(v).bitPattern)
                NPYWriter.append(raw, width: width == 8 ? 8 : 4, to: &bytes)
            }
            bytes.append(point.certain ? 0 : 3)
        }
        return bytes
    }

    /// The rows of a block as CSV, bits in hexadecimal beside the values.
    private func csvRows(_ patterns: [UInt64], _ points: [FormatPoint]) -> [UInt8] {
        let digits = format.bitWidth / 4
        let hex = { (pattern: UInt64) in
            let text = String(pattern, radix: 16)
            return "0x" + String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
        }
        var text = ""
        for (pattern, point) in zip(patterns, points) {
            let (f, df) = (point.value, point.derivative)
            text +=
                "\(hex(pattern)),\(DecimalText.shortest(format.value(bits: pattern))),"
                + "\(hex(format.bits(of: f))),\(DecimalText.shortest(f)),"
                + "\(hex(format.bits(of: df))),\(DecimalText.shortest(df)),\(point.certain ? 0 : 3)\n"
        }
        return Array(text.utf8)
    }
}
