import Foundation
import TestSupport
import Testing

/// `actplot table`: golden tables as .npy (records or one file per column), raw columns or CSV.
@Suite("table")
struct GoldenTableTests {
    /// A scratch directory, removed by the caller.
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "actplot-table-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// x rounded to bfloat16 (to nearest, ties to even) from a float32 that holds it exactly enough.
    static func bfloat16Bits(_ x: Double) -> UInt64 {
        let bits = Float(x).bitPattern
        return UInt64((bits + 0x7FFF + (bits >> 16) & 1) >> 16)
    }

    @Test("bf16 sigmoid as .npy: numpy's header, 65,536 packed records, σ(2) rounded by hand")
    func npy() throws {
        let run = try InProcess.run(["table", "sigmoid", "--dtype", "bf16"])
        #expect(run.status == 0, "\(run.stderr)")
        let npy = try NPYFile(run.stdoutData)
        #expect(npy.fields.map(\.name) == ["x_bits", "f_bits", "df_bits", "x", "f", "df", "flags"])
        #expect(npy.fields.map(\.type) == ["<u2", "<u2", "<u2", "<f4", "<f4", "<f4", "|u1"])
        #expect(npy.count == 65536 && npy.data.count == 65536 * 19)
        let (x, f, df) = (try npy.column("x_bits"), try npy.column("f_bits"), try npy.column("df_bits"))
        #expect(x == (0..<65536).map(UInt64.init))
        // σ(2) = 0.880797 → 0x3F61 (0.87890625); σ′(2) = 0.104994 → 0x3DD7.
        #expect(f[0x4000] == 0x3F61 && df[0x4000] == 0x3DD7)
        #expect(try npy.column("f")[0x4000] == UInt64(Float(0.87890625).bitPattern))
        // Every finite input's f is σ rounded to bfloat16 from the double (no tie this close).
        for i in stride(from: 0, to: 65536, by: 97) {
            let v = Double(Float(bitPattern: UInt32(i) << 16))
            guard v.isFinite else { continue }
            #expect(f[i] == Self.bfloat16Bits(1 / (1 + exp(-v))), "x bits \(i)")
        }
        #expect(try npy.column("flags").allSatisfy { $0 == 0 })
    }

    @Test("e4m3 as CSV: 256 rows, the NaN patterns kept as they are; f″ on request")
    func csv() throws {
        let run = try InProcess.run(["table", "relu", "--dtype", "e4m3", "--format", "csv"])
        let rows = run.stdout.split(separator: "\n")
        #expect(run.status == 0 && rows.count == 257 && rows[0] == "x_bits,x,f_bits,f,df_bits,df,flags")
        #expect(rows[1 + 0x7F].hasPrefix("0x7f,nan,") && rows[1 + 0x38].hasPrefix("0x38,1,0x38,1,0x38,1,"))
        let second = try InProcess.run([
            "table", "sigmoid", "--dtype", "bf16", "--range", "1:1.005", "--second-derivative", "--format",
            "csv",
        ])
        // σ″(1) = σ(1)(1 − σ(1))(1 − 2σ(1)) = −0.0908577 → bf16 −0.0908203125 (0xBDBA).
        #expect(
            second.stdout == "x_bits,x,f_bits,f,df_bits,df,d2f_bits,d2f,flags\n"
                + "0x3f80,1,0x3f3b,0.73046875,0x3e49,0.1962890625,0xbdba,-0.0908203125,0\n",
            "\(second.stdout)")
    }

    @Test("f32 --every: every float32 of the range in value order, across 0 without −0; --samples")
    func everyFloat() throws {
        let run = try InProcess.run([
            "table", "sigmoid", "--dtype", "f32", "--every", "--range", "-1.5e-45:2e-45", "--format", "csv",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let bits = run.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } }
        #expect(bits == ["0x80000001", "0x00000000", "0x00000001"], "\(bits)")
        let one = try InProcess.run([
            "table", "sigmoid", "--dtype", "f32", "--every", "--range", "1:1.00000012",
        ])
        let npy = try NPYFile(one.stdoutData)
        // σ(1) = 0.7310585786 → float32 0x3F3B26A8; σ′(1) = 0.1966119332 → 0x3E4954A3.
        #expect(try npy.column("x_bits") == [0x3F80_0000, 0x3F80_0001])
        #expect(try npy.column("f_bits")[0] == 0x3F3B_26A8 && npy.column("df_bits")[0] == 0x3E49_54A3)
        let samples = try InProcess.run([
            "table", "relu", "--dtype", "f32", "--samples", "5", "--range", "-1:1", "--fields", "x",
            "--format", "csv",
        ])
        #expect(samples.stdout == "x\n-1\n-0.5\n0\n0.5\n1\n", "\(samples.stdout)")
        let narrow = try InProcess.run([
            "table", "relu", "--dtype", "e5m2", "--range", "-0.5:0.75", "--format", "csv",
        ])
        let xs = narrow.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
        // −0.5, 52 normal and 3 subnormal values below 0.5, 0, the same 55 above, 0.5, 0.625, 0.75.
        #expect(xs.first == "-0.5" && xs.last == "0.75" && xs.count == 56 + 1 + 58, "\(xs)")
    }

    @Test("--columns and raw: one file per column, the same bytes as the records' fields")
    func planar() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let records = try NPYFile(InProcess.run(["table", "gelu", "--dtype", "f16"]).stdoutData)
        let base = directory.appendingPathComponent("gelu.npy").path
        let columns = try InProcess.run(["table", "gelu", "--dtype", "f16", "-o", base, "--columns"])
        #expect(columns.status == 0, "\(columns.stderr)")
        #expect(!FileManager.default.fileExists(atPath: base))
        for (name, type) in records.fields {
            let url = directory.appendingPathComponent("gelu.\(name).npy")
            let file = try NPYFile(Data(contentsOf: url))
            #expect(file.fields.count == 1 && file.fields[0].type == type && file.count == 65536)
            #expect(try file.column("") == records.column(name), "\(name)")
        }
        let raw = directory.appendingPathComponent("gelu.bin").path
        let written = try InProcess.run([
            "table", "gelu", "--dtype", "f16", "-o", raw, "--fields", "f_bits,flags",
        ])
        #expect(written.status == 0, "\(written.stderr)")
        let fBits = try Data(contentsOf: directory.appendingPathComponent("gelu.f_bits.bin"))
        let flags = try Data(contentsOf: directory.appendingPathComponent("gelu.flags.bin"))
        #expect(fBits.count == 2 * 65536 && flags.count == 65536)
        let expected = try records.column("f_bits")
        let bytes = [UInt8](fBits)
        let read = (0..<65536).map { (k: Int) -> UInt64 in
            UInt64(bytes[2 * k]) | UInt64(bytes[2 * k + 1]) << 8
        }
        #expect(read == expected)
    }

    @Test("2^24 float32 rows to a file and back: every input in order, f σ rounded once")
    func sixteenMillionRows() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sigmoid.npy").path
        // 1 (0x3F800000) to the float below 4 (0x407FFFFF): 2^24 inputs.
        let run = try InProcess.run([
            "table", "sigmoid", "--dtype", "f32", "--every", "--range", "1:3.9999998", "--fields",
            "x_bits,f_bits",
            "-o", path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let npy = try NPYFile(Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(npy.count == 1 << 24 && npy.data.count == 8 << 24)
        #expect(npy.fields.map(\.name) == ["x_bits", "f_bits"])
        var (outOfOrder, wrong) = (0, 0)
        npy.data.withUnsafeBytes { raw in
            for i in 0..<(1 << 24) {
                let x = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt32.self))
                if x != 0x3F80_0000 + UInt32(i) { outOfOrder += 1 }
                // Every 61st row: σ from Glibc's double exp, rounded to float32.
                guard i % 61 == 0 else { continue }
                let f = Float(
                    bitPattern: UInt32(
                        littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i + 4, as: UInt32.self)))
                let s = 1 / (1 + exp(-Double(Float(bitPattern: x))))
                // Where the double σ is this close to a float32 midpoint, its own error may decide.
                let midpoint = abs(abs(s - Double(f)) - Double(f.ulp) / 2) < 0x1p-50
                if f != Float(s) && !midpoint { wrong += 1 }
            }
        }
        #expect(outOfOrder == 0)
        #expect(wrong == 0)
    }

    @Test("float8_e8m0fnu: powers of two, ties up, an underflowed σ′ is 2^-127, not the NaN of 0")
    func blockScale() throws {
        let run = try InProcess.run(["table", "sigmoid", "--dtype", "e8m0", "--format", "csv"])
        let rows = run.stdout.split(separator: "\n").map(String.init)
        #expect(run.status == 0 && rows.count == 257, "\(run.stderr)")
        // σ(1) = 0.731 < 0.75, the midpoint of 0.5 and 1: 0.5; σ′(1) = 0.197 ≥ 0.1875: 0.25.
        #expect(rows[1 + 0x7F] == "0x7f,1,0x7e,0.5,0x7d,0.25,0", "\(rows[1 + 0x7F])")
        // σ(2^-127) = 0.5 and σ′ = 0.25 exactly; 0xFF is NaN.
        #expect(
            rows[1].hasPrefix("0x00,5.877471754111438e-39,0x7e,0.5,0x7d,0.25,0")
                && rows[256].hasPrefix("0xff,nan,0xff,nan,0xff,nan,"))
        // σ′(1024) = e^-1024 underflows a double, but is positive: the least power, 2^-127.
        #expect(rows[1 + 0x89].hasPrefix("0x89,1024,0x7f,1,0x00,"), "\(rows[1 + 0x89])")
        // relu6(8) = 6, a tie between 4 and 8 decided up (a constant piece: certain); relu6′(8) = 0: NaN.
        let relu6 = try InProcess.run(["table", "relu6", "--dtype", "e8m0", "--format", "csv"])
        #expect(relu6.stdout.split(separator: "\n")[1 + 0x82] == "0x82,8,0x82,8,0xff,nan,0")
        let eval = try InProcess.run(["eval", "gelu", "3", "-1", "--dtype", "e8m0", "--format", "csv"])
        #expect(eval.status == 0, "\(eval.stderr)")
        for (arguments, message) in [
            (["gelu", "--dtype", "e8m0"], "float8_e8m0fnu is a block scale"),
            (["precision", "gelu", "--dtype", "e8m0"], "eval, table, check and info --dtype take it"),
            (["eval", "gelu", "1", "--dtype", "e8m0", "--arith", "opmath"], "leave out '--arith opmath'"),
        ] {
            let result = try InProcess.run(arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test("usage errors name the fix")
    func errors() throws {
        for (arguments, message) in [
            (["table", "relu"], "give the format with --dtype, e.g. actplot table relu --dtype bf16"),
            (["table", "relu", "--dtype", "f32"], "needs --every (every value in --range) or --samples N"),
            (["table", "relu", "--dtype", "bf16", "--format", "xml"], "must be npy, csv, columns or raw"),
            (["table", "relu", "--dtype", "bf16", "--format", "raw"], "writes one file per column: give -o"),
            (["table", "relu", "--dtype", "bf16", "--fields", "x,y"], "unknown column 'y' in --fields"),
            (
                ["table", "relu", "--dtype", "bf16", "--columns", "--format", "csv"],
                "--columns writes .npy files"
            ),
            (["table", "relu", "--dtype", "f64", "--every"], "--every over float64 needs --range"),
            (["table", "relu", "--dtype", "f32", "--every", "--range", "1e-45:1.2e-45"], "holds no value"),
            (["table", "relu", "--dtype", "bf16", "--arith", "naive"], "unknown option '--arith'"),
        ] {
            let result = try InProcess.run(arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
