import Foundation
import TestSupport
import Testing

/// `actplot table`: every input of a narrow format, as .npy or CSV.
@Suite("table")
struct GoldenTableTests {
    @Test("bf16 sigmoid as .npy: numpy's header, 65,536 packed records, the bits and values eval gives")
    func npy() throws {
        let run = try InProcess.run(["table", "sigmoid", "--dtype", "bf16", "--format", "npy"])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = [UInt8](run.stdoutData)
        #expect(Array(bytes.prefix(8)) == [0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + length) % 64 == 0)
        let header = String(decoding: bytes[10..<(10 + length)], as: UTF8.self)
        #expect(
            header.hasPrefix(
                "{'descr': [('x_bits', '<u2'), ('f_bits', '<u2'), ('df_bits', '<u2'), ('x', '<f4'),"))
        #expect(header.contains("'shape': (65536,)") && header.hasSuffix("\n"))
        let record = 3 * 2 + 3 * 4 + 1
        #expect(bytes.count == 10 + length + 65536 * record)
        // The record for bits 0x4000 (x = 2): σ(2) = 0.8808 rounds to bf16 0x3F61 (0.87890625).
        let start = 10 + length + 0x4000 * record
        let u16 = { (k: Int) in Int(bytes[start + k]) | Int(bytes[start + k + 1]) << 8 }
        let f32 = { (k: Int) in
            Float(
                bitPattern: (0..<4).reduce(UInt32(0)) {
                    $0 | UInt32(bytes[start + k + $1]) << (8 * UInt32($1))
                })
        }
        #expect(u16(0) == 0x4000 && u16(2) == 0x3F61 && f32(6) == 2 && f32(10) == 0.87890625)
        let eval = try InProcess.run(["eval", "sigmoid", "2", "--dtype", "bf16"])
        #expect(eval.stdout.contains("0.87890625"), "\(eval.stdout)")
    }

    @Test("e4m3 as CSV: 256 rows, the NaN patterns kept as they are; usage errors")
    func csv() throws {
        let run = try InProcess.run(["table", "relu", "--dtype", "e4m3"])
        let rows = run.stdout.split(separator: "\n")
        #expect(run.status == 0 && rows.count == 257 && rows[0] == "x_bits,x,f_bits,f,df_bits,df,flags")
        #expect(rows[1 + 0x7F].hasPrefix("0x7f,nan,") && rows[1 + 0x38].hasPrefix("0x38,1,0x38,1,0x38,1,"))
        for (arguments, message) in [
            (["table", "relu"], "give the format with --dtype"),
            (["table", "relu", "--dtype", "f32"], "takes --every"),
            (["table", "relu", "--dtype", "bf16", "--format", "xml"], "must be npy or csv"),
        ] {
            let result = try InProcess.run(arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test("f32 --every: every float32 of the range in value order, across 0 without −0")
    func everyFloat() throws {
        let run = try InProcess.run([
            "table", "sigmoid", "--dtype", "f32", "--every", "--range", "-1e-45:2e-45", "--format", "csv",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let bits = run.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } }
        #expect(bits == ["0x80000001", "0x00000000", "0x00000001"], "\(bits)")
        let one = try InProcess.run([
            "table", "sigmoid", "--dtype", "f32", "--every", "--range", "1:1.0000001",
        ])
        #expect(
            one.stdout.contains("0x3f800000,1,0x3f3b26a8,0.7310585975646973,0x3e4954a3,"), "\(one.stdout)")
    }
}
