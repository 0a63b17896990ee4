import ActivationCore
import Foundation
import Testing

/// `--arith framework` against what torch returned (Fixtures/torch-kernels.tsv, written by
/// Scripts/make-framework-fixture.py from torch 2.15 itself): the inputs where torch differs
/// from the correctly rounded values, and plain ones.
@Suite("Framework arithmetic")
struct FrameworkKernelTests {
    /// One row: torch's f and f′ bits at an input.
    struct Row: Sendable, CustomTestStringConvertible {
        let spec: String
        let format: NumberFormat
        let x: UInt64
        let f: UInt64
        let df: UInt64

        var testDescription: String { "\(spec) \(format.shortName) 0x\(String(x, radix: 16))" }
    }

    static let rows: [Row] = fixtureLines("torch-kernels").dropFirst().compactMap { line in
        let f = line.split(separator: "\t").map(String.init)
        let bits = { (text: String) in UInt64(text.dropFirst(2), radix: 16) ?? 0 }
        guard f.count == 5, let format = NumberFormat.named(f[1]) else { return nil }
        return Row(spec: f[0], format: format, x: bits(f[2]), f: bits(f[3]), df: bits(f[4]))
    }

    /// The rows where torch's float32 library (Sleef), not the formula, decides the result, as
    /// each kernel's residue says: (spec, format, input bits).
    static let residue: Set<String> = [
        "torch.GELU:approximate=tanh bf16 0xc0a2", "torch.GELU:approximate=tanh bf16 0xc0a3",
        "torch.GELU:approximate=tanh f16 0xba05",
        "torch.LogSigmoid bf16 0x42ce", "torch.LogSigmoid bf16 0x42cf",
        "torch.LogSigmoid f16 0x566e", "torch.LogSigmoid f16 0x566f", "torch.LogSigmoid f16 0x5670",
    ]

    @Test("the fixture holds every kernel torch has here, in both formats")
    func coverage() {
        #expect(Self.rows.count > 250)
        #expect(Set(Self.rows.map(\.spec)).count == 16)
    }

    @Test("f and f′ are torch's bits (NaN for NaN)", arguments: rows)
    func torchBits(_ row: Row) throws {
        let function = try Catalog.activation(row.spec)
        let evaluation = FormatEvaluation(function, format: row.format, arithmetic: .framework)
        let point = evaluation.evaluate(at: row.format.value(bits: row.x))
        let same = { (v: Double, bits: UInt64) in
            v.isNaN ? row.format.value(bits: bits).isNaN : row.format.bits(of: v) == bits
        }
        if Self.residue.contains(row.testDescription) {
            // A difference the kernel's residue names: Sleef's float32 results.
            #expect(evaluation.kernel?.residue != nil)
            return
        }
        #expect(same(point.value, row.f), "f: 0x\(String(row.format.bits(of: point.value), radix: 16))")
        #expect(
            same(point.derivative, row.df),
            "f′: 0x\(String(row.format.bits(of: point.derivative), radix: 16))")
    }

    @Test("the kernels say where they come from; GELU's erf form names oneDNN, which is not reproduced")
    func sources() throws {
        let gelu = try #require(FrameworkKernel(try Catalog.activation("torch.GELU"), format: .bfloat16))
        #expect(gelu.residue?.contains("oneDNN") == true)
        let softsign = try #require(
            FrameworkKernel(try Catalog.activation("torch.Softsign"), format: .float16))
        #expect(softsign.derivative.rounding == .format && softsign.source.contains("derivatives.yaml"))
        #expect(FrameworkKernel(try Catalog.activation("sigmoid"), format: .bfloat16) == nil)
        #expect(FrameworkKernel(try Catalog.activation("torch.Sigmoid"), format: .float8E4M3FN) == nil)
        #expect(FrameworkKernel(try Catalog.activation("jax.sigmoid"), format: .bfloat16) == nil)
    }
}
