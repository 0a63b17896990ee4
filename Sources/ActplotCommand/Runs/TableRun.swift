import ActivationCore
import ArgumentParser

/// One run of `actplot table`: f and f′ correctly rounded in a format at every input of an 8- or
/// 16-bit format, by bit pattern from 0, NaN patterns included, as `.npy` or CSV.
struct TableRun {
    let function: Activation
    let format: NumberFormat
    /// `npy` or `csv`.
    let output: String

    /// One row: the input's bits and the results' bits, and whether the rounding is uncertain.
    struct Row {
        /// The input's bit pattern (a NaN pattern kept as it is).
        let bits: UInt64
        let x: Double
        let point: FormatPoint
    }

    /// Every input of the format, evaluated exactly and rounded once.
    func rows() -> [Row] {
        (0..<(UInt64(1) << UInt64(format.bitWidth))).map { bits in
            let x = format.value(bits: bits)
            return Row(
                bits: bits, x: x,
                point: FormatEvaluation(function, format: format, arithmetic: .exact).evaluate(at: x))
        }
    }

    /// The bytes of the table in the chosen output.
    func bytes() -> [UInt8] {
        output == "csv" ? Array(csv().utf8) : npy()
    }

    /// A structured array: `x_bits`, `f_bits`, `df_bits` (unsigned, the format's width), `x`, `f`,
    /// `df` (float32, exact for every 8- and 16-bit format) and `flags` (bit 0: f uncertain,
    /// bit 1: f′ uncertain).
    func npy() -> [UInt8] {
        let width = format.bitWidth <= 8 ? 1 : 2
        let unsigned = width == 1 ? "|u1" : "<u2"
        let fields =
            ["x_bits", "f_bits", "df_bits"].map { NPYWriter.Field(name: $0, type: unsigned) }
            + ["x", "f", "df"].map { NPYWriter.Field(name: $0, type: "<f4") } + [
                NPYWriter.Field(name: "flags", type: "|u1")
            ]
        let rows = rows()
        var bytes = NPYWriter.header(fields: fields, count: rows.count)
        bytes.reserveCapacity(bytes.count + rows.count * (3 * width + 13))
        for row in rows {
            let values = [row.x, row.point.value, row.point.derivative]
            NPYWriter.append(row.bits, width: width, to: &bytes)
            for v in values.dropFirst() { NPYWriter.append(bits(v), width: width, to: &bytes) }
            for v in values { NPYWriter.append(UInt64(Float(v).bitPattern), width: 4, to: &bytes) }
            bytes.append(row.point.certain ? 0 : 3)
        }
        return bytes
    }

    /// The same columns as CSV, bits in hexadecimal beside the values.
    func csv() -> String {
        let digits = format.bitWidth / 4
        let hex = { (pattern: UInt64) in
            let text = String(pattern, radix: 16)
            return "0x" + String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
        }
        var text = "x_bits,x,f_bits,f,df_bits,df,flags\n"
        for row in rows() {
            let (x, f, df) = (row.x, row.point.value, row.point.derivative)
            text +=
                "\(hex(row.bits)),\(DecimalText.shortest(x)),\(hex(bits(f))),\(DecimalText.shortest(f)),"
                + "\(hex(bits(df))),\(DecimalText.shortest(df)),\(row.point.certain ? 0 : 3)\n"
        }
        return text
    }

    /// The format's bit pattern of a value it holds (NaN as the canonical pattern).
    private func bits(_ v: Double) -> UInt64 { format.bits(of: v) }
}
