import Foundation
import Testing

@testable import ActivationCore

/// `--arith framework` against what the frameworks returned (Fixtures/torch-kernels.tsv,
/// jax-kernels.tsv and tf-kernels.tsv, written by Scripts/make-framework-fixture.py from torch
/// 2.15, JAX 0.10.2 and TensorFlow 2.21 with Keras 3.15 themselves): the inputs where each
/// differs from the correctly rounded values, and plain ones.
@Suite("Framework arithmetic")
struct FrameworkKernelTests {
    /// One row: a framework's f and f′ bits at an input.
    struct Row: Sendable, CustomTestStringConvertible {
        let spec: String
        let format: NumberFormat
        let x: UInt64
        let f: UInt64
        let df: UInt64

        var testDescription: String { "\(spec) \(format.shortName) 0x\(String(x, radix: 16))" }
    }

    static let rows: [Row] = ["torch-kernels", "jax-kernels", "tf-kernels"].flatMap { name in
        fixtureLines(name).dropFirst().compactMap { line -> Row? in
            let f = line.split(separator: "\t").map(String.init)
            let bits = { (text: String) in UInt64(text.dropFirst(2), radix: 16) ?? 0 }
            guard f.count == 5, let format = NumberFormat.named(f[1]) else { return nil }
            return Row(spec: f[0], format: format, x: bits(f[2]), f: bits(f[3]), df: bits(f[4]))
        }
    }

    /// The rows where the framework's float32 library (Sleef in torch, Eigen's polynomials in
    /// TensorFlow), not the formula, decides the result, as each kernel's residue says: (spec,
    /// format, input bits).
    static let residue: Set<String> = [
        "torch.GELU:approximate=tanh bf16 0xc0a2", "torch.GELU:approximate=tanh bf16 0xc0a3",
        "torch.GELU:approximate=tanh f16 0xba05",
        "torch.LogSigmoid bf16 0x42ce", "torch.LogSigmoid bf16 0x42cf",
        "torch.LogSigmoid f16 0x566e", "torch.LogSigmoid f16 0x566f", "torch.LogSigmoid f16 0x5670",
        "tf.sigmoid f16 0x1f79", "tf.sigmoid f16 0x25cf", "tf.silu f16 0x1f79", "tf.silu f16 0x25cf",
        "tf.softplus f16 0x1f79", "tf.softplus f16 0x25cf", "tf.log_sigmoid f16 0x9f79",
        "tf.log_sigmoid f16 0xa5cf", "keras.mish f16 0x25cf", "keras.mish f16 0xc318", "tf.tanh f16 0x2745",
        "tf.tanh f16 0xa745", "keras.celu f16 0xb94e",
    ]

    @Test("the fixtures hold every kernel torch, JAX and TensorFlow have here, in both formats")
    func coverage() {
        let torch = Self.rows.filter { $0.spec.hasPrefix("torch.") }
        let jax = Self.rows.filter { $0.spec.hasPrefix("jax.") }
        let tf = Self.rows.filter { $0.spec.hasPrefix("tf.") || $0.spec.hasPrefix("keras.") }
        #expect(torch.count > 250 && jax.count > 400 && tf.count > 400)
        #expect(Set(torch.map(\.spec)).count == 17 && Set(jax.map(\.spec)).count == 17)
        #expect(Set(tf.map(\.spec)).count == 17)
        #expect(Set(Self.rows.map(\.format.shortName)) == ["bf16", "f16"])
    }

    @Test("f and f′ are the framework's bits (NaN for NaN)", arguments: rows)
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

    @Test("the kernels say where they come from; GELU's erf form is oneDNN's routine, ATen's erf in float16")
    func sources() throws {
        let gelu = try #require(FrameworkKernel(try Catalog.activation("torch.GELU"), format: .bfloat16))
        #expect(gelu.routine == .oneDNNGELUErf && gelu.residue == nil)
        #expect(gelu.description.first?.contains("minimax") == true)
        let half = try #require(FrameworkKernel(try Catalog.activation("torch.GELU"), format: .float16))
        #expect(half.routine == nil && half.usesATenErf)
        let softsign = try #require(
            FrameworkKernel(try Catalog.activation("torch.Softsign"), format: .float16))
        #expect(softsign.derivative.rounding == .format && softsign.source.contains("derivatives.yaml"))
        #expect(FrameworkKernel(try Catalog.activation("sigmoid"), format: .bfloat16) == nil)
        #expect(FrameworkKernel(try Catalog.activation("torch.Sigmoid"), format: .float8E4M3FN) == nil)
        #expect(FrameworkKernel(try Catalog.activation("dl4j.Sigmoid"), format: .bfloat16) == nil)
    }

    @Test(
        "oneDNN's gelu_erf in float32: torch's bits at chosen inputs (its tail is 0 past 5.54, f′ 0 from −6.1)",
        arguments: [
            // x, then torch 2.15's float32 GELU and GELU′ bits (gelu and backward on one float32 tensor).
            (Float(-5.5425806), UInt32(0x8000_0000), UInt32(0xb4f0_0000)),
            (Float(1), UInt32(0x3f57_625e), UInt32(0x3f8a_aa14)),
            (Float(-6.15625), UInt32(0x8000_0000), UInt32(0x0000_0000)),
            (Float(0.5390625), UInt32(0x3ec2_9a00), UInt32(0x3f64_1be6)),
            (Float(0), UInt32(0x0000_0000), UInt32(0x3f00_0000)),
            (Float(2), UInt32(0x3ffa_2d0c), UInt32(0x3f8a_e8e1)),
        ])
    func oneDNN(_ c: (Float, UInt32, UInt32)) {
        let (f, df) = (OneDNN.geluErf(c.0), OneDNN.geluErfDerivative(c.0))
        #expect(f.bitPattern == c.1, "f: 0x\(String(f.bitPattern, radix: 16))")
        #expect(df.bitPattern == c.2, "f′: 0x\(String(df.bitPattern, radix: 16))")
        // Never a trap; ±∞ gives NaN in f and f′, as torch 2.15 returns (0·∞ in the polynomial).
        #expect(OneDNN.geluErfDerivative(.nan).isNaN && OneDNN.geluErf(.nan).isNaN)
        #expect(OneDNN.geluErf(.infinity).isNaN && OneDNN.geluErf(-.infinity).isNaN)
        #expect(OneDNN.geluErfDerivative(.infinity).isNaN && OneDNN.exp(-.infinity) == 0)
    }

    @Test(
        "transformers' and timm's activations that call torch run torch's kernels; their composites have none"
    )
    func torchLibraries() throws {
        for (library, torchName) in [
            ("transformers.gelu", "torch.GELU"), ("timm.hard_swish", "torch.Hardswish"),
        ] {
            for format in [NumberFormat.bfloat16, .float16] {
                let mine = try #require(FrameworkKernel(try Catalog.activation(library), format: format))
                let torch = try #require(FrameworkKernel(try Catalog.activation(torchName), format: format))
                #expect(mine.framework.rawValue == library.split(separator: ".")[0].description)
                for x in [-6.15625, -2.5, -0.75, 0.001, 1, 3] {
                    let (a, b) = (mine.evaluate(at: x, format: format), torch.evaluate(at: x, format: format))
                    #expect(format.bits(of: a.value) == format.bits(of: b.value))
                    #expect(format.bits(of: a.derivative) == format.bits(of: b.derivative))
                }
            }
        }
        #expect(FrameworkKernel(try Catalog.activation("transformers.gelu_new"), format: .bfloat16) == nil)
        #expect(FrameworkKernel.covered(.transformers).contains("transformers.gelu_pytorch_tanh"))
        #expect(FrameworkKernel(try Catalog.activation("keras.relu"), format: .bfloat16) == nil)
    }

    @Test(
        "--isa avx2: oneDNN's Abramowitz–Stegun forward in float32, ATen's kernel for bfloat16 (torch's bits)"
    )
    func avx2() throws {
        // torch 2.15 with ATEN_CPU_CAPABILITY=avx2 and ONEDNN_MAX_CPU_ISA=AVX2, a float32 tensor.
        let float32: [(Float, UInt32)] = [
            (-5.5425806, 0xb431_5cd2), (1, 0x3f57_625e), (-6.15625, 0), (0.5390625, 0x3ec2_9a02),
            (2, 0x3ffa_2d0e),
        ]
        for (x, bits) in float32 { #expect(OneDNN.geluErfAbramowitzStegun(x).bitPattern == bits, "x = \(x)") }
        let gelu = try Catalog.activation("torch.GELU")
        let f32 = try #require(FrameworkKernel(gelu, format: .float32, isa: .avx2))
        #expect(f32.routine == .oneDNNGELUErfAVX2 && f32.description.contains { $0.contains("AVX2") })
        // The same, a bfloat16 tensor: ATen's GeluKernelImpl, not oneDNN (no AVX512-BF16).
        let bf16 = try #require(FrameworkKernel(gelu, format: .bfloat16, isa: .avx2))
        #expect(bf16.routine == nil && bf16.usesATenErf)
        for (x, bits) in [(-5.34375, UInt64(0xb4ab)), (0.5390625, 0x3ec3), (-3, 0xbb85), (1.5, 0x3fb3)] {
            #expect(NumberFormat.bfloat16.bits(of: bf16.evaluate(at: x, format: .bfloat16).value) == bits)
        }
    }

    @Test("Sleef's expf: torch's float32 sigmoid bit for bit where the correctly rounded exp is an ulp off")
    func sleef() throws {
        // torch 2.15's float32 sigmoid (its vectorised kernel, 1/(1 + exp(−x)) with Sleef_expf16_u10).
        let sigmoid = try #require(FrameworkKernel(try Catalog.activation("torch.Sigmoid"), format: .float32))
        for (x, bits): (UInt32, UInt64) in [(0x3D90_366E, 0x3F04_8139), (0x3DA0_A9BF, 0x3F05_04A5)] {
            let value = sigmoid.evaluate(at: Double(Float(bitPattern: x)), format: .float32).value
            #expect(NumberFormat.float32.bits(of: value) == bits)
        }
        // torch's float32 tanh′ = 1 − y·y as one FMA (GCC contracts the vectorised kernel).
        let tanh = try #require(FrameworkKernel(try Catalog.activation("torch.Tanh"), format: .float32))
        let slope = tanh.evaluate(at: Double(Float(bitPattern: 0x3E2F_061D)), format: .float32).derivative
        #expect(NumberFormat.float32.bits(of: slope) == 0x3F78_AA19)
        #expect(Sleef.expf(.nan).isNaN && Sleef.expf(-104.5) == 0 && Sleef.expf(100.5) == .infinity)
        #expect(Sleef.expf(0) == 1 && Sleef.expf(-.infinity) == 0 && Sleef.expf(.infinity) == .infinity)
    }

    @Test(
        "JAX's kernels flush float32 subnormals, read erfc's bfloat16 argument unrounded, fold s·κ in float16"
    )
    func xla() throws {
        let gelu = try Catalog.activation("jax.gelu:approximate=none")
        let bf16 = try #require(FrameworkKernel(gelu, format: .bfloat16))
        #expect(bf16.flushesFloat32Subnormals && bf16.value.rounding == .format)
        // 0.5390625: −x·√½ read unrounded gives erfc 1.41012 → 1.40625 and f = 0x3EC2 (JAX's bits).
        #expect(
            NumberFormat.bfloat16.bits(of: bf16.evaluate(at: 0.5390625, format: .bfloat16).value) == 0x3EC2)
        // A bfloat16 subnormal goes through tanh's small-argument path untouched, and relu flushes it.
        let tiny = NumberFormat.bfloat16.value(bits: 0x0001)
        let tanh = try #require(FrameworkKernel(try Catalog.activation("jax.tanh"), format: .bfloat16))
        #expect(tanh.evaluate(at: tiny, format: .bfloat16).value == tiny)
        let relu = try #require(FrameworkKernel(try Catalog.activation("jax.relu"), format: .bfloat16))
        #expect(relu.evaluate(at: tiny, format: .bfloat16).value == 0)
        let f16 = try #require(FrameworkKernel(try Catalog.activation("jax.gelu"), format: .float16))
        #expect(
            !f16.derivative.text.contains("*0.044715") && bf16.description.contains { $0.contains("FTZ") })
    }
}
