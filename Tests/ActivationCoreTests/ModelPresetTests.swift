import Testing

@testable import ActivationCore

/// The names of today's model configs and runtimes (transformers, timm, ONNX, MLX) and the
/// functions of current models, against values the running packages returned (float64,
/// torch autograd, MLX's mx.grad; ONNX's float32 attributes by hand).
@Suite("Model presets")
struct ModelPresetTests {
    /// A spec, a point and the framework's f and f′ there, as the framework table writes them.
    typealias Case = PresetTests.Case

    static let cases: [Case] = [
        // transformers 5.25 on torch 2.15, float64: bit for bit.
        Case(spec: "transformers.gelu_10", x: 10, value: 10, derivative: 0),
        Case(spec: "transformers.gelu_10", x: 11, value: 10, derivative: 0),
        Case(spec: "transformers.gelu_fast", x: 1, value: 0.841191990607477, derivative: 1.0829640838451022),
        Case(spec: "hf.gelu_new", x: 1, value: 0.8411919906082767, derivative: 1.0829640838457826),
        Case(
            spec: "transformers.laplace", x: 0.5, value: 0.23142114841057387, derivative: 1.0801140509582399),
        Case(
            spec: "transformers.sqrtsoftplus", x: 1, value: 1.145976303209723, derivative: 0.3189675809972727),
        Case(spec: "transformers.relu2", x: 1.5, value: 2.25, derivative: 3),
        Case(spec: "transformers.xielu", x: 1, value: 1.30078125, derivative: 2.1015625),
        Case(
            spec: "transformers.XIELUActivation", x: 0, value: -7.994818235539563e-07, derivative: -0.30078125
        ),
        // timm 1.0.31: clamp passes the gradient at x + 2 = 0.
        Case(spec: "timm.hard_mish", x: -2, value: 0, derivative: -1),
        Case(spec: "timm.layers.hardswish", x: 3, value: 3, derivative: 1),
        // ONNX: float32 attributes taken at their exact values.
        Case(spec: "onnx.HardSigmoid", x: 1, value: 0.7000000029802322, derivative: 0.20000000298023224),
        Case(spec: "onnx.LeakyRelu", x: -1, value: -0.009999999776482582, derivative: 0.009999999776482582),
        Case(spec: "onnx.Selu", x: 1, value: 1.0507010221481323, derivative: 1.0507010221481323),
        Case(spec: "onnx.Shrink:bias=0.5", x: 2, value: 1.5, derivative: 1),
        // MLX 0.32.4: maximum gives a tie's gradient to its second argument; step is 1 at 0.
        Case(spec: "mlx.nn.leaky_relu", x: 0, value: 0, derivative: 1),
        Case(spec: "mlx.step", x: 0, value: 1, derivative: 0),
        Case(spec: "mlx.nn.selu", x: 1, value: 1.0507, derivative: 1.0507),
        Case(spec: "flax.linen.gelu", x: 1, value: 0.8411919906082767, derivative: 1.0829640838457826),
    ]

    @Test("values and f′ the frameworks return", arguments: cases)
    func frameworkValues(_ c: Case) throws {
        let f = try Catalog.activation(c.spec)
        let jet = f.jet(at: c.x)
        let value = try #require(c.value)
        #expect(jet.value == value && f.value(at: c.x) == value, "f = \(jet.value)")
        #expect(jet.derivative == c.derivative, "f′ = \(jet.derivative)")
    }

    @Test("gelu_new is gelu_pytorch_tanh; gelu_fast is 9.1e-13 away at most")
    func transformersGELUs() throws {
        let new = try Catalog.activation("transformers.gelu_new")
        let tanh = try Catalog.activation("transformers.gelu_pytorch_tanh")
        let fast = try Catalog.activation("transformers.gelu_fast")
        var largest = 0.0
        for i in -5000...5000 {
            let x = Double(i) / 1000
            #expect(new.value(at: x) == tanh.value(at: x))
            largest = max(largest, abs(fast.value(at: x) - new.value(at: x)))
        }
        #expect(largest > 9.0e-13 && largest < 9.2e-13, "max |gelu_fast − gelu_new| = \(largest)")
    }

    @Test("the GLU family draws its gate with b = 1 unless --others says otherwise")
    func gatedUnits() throws {
        let swiglu = try Catalog.activation("swiglu")
        let silu = try Catalog.activation("silu")
        for x in [-3.0, -0.5, 0, 0.25, 2, 40] {
            #expect(swiglu.jet(at: x) == silu.jet(at: x))
        }
        let scaled = try Catalog.activation("geglu", others: [3])
        let gelu = try Catalog.activation("gelu")
        #expect(scaled.value(at: 1) == gelu.value(at: 1) * 3)
        let bilinear = try #require(Catalog.activation("bilinear").vector)
        let result = bilinear.evaluate([2, 3, 5, 7])
        #expect(result.output == [10, 21])
        #expect(result.jacobian == [[5, 0, 2, 0], [0, 7, 0, 3]])
        // The gate is the first half: reglu([−1, 4]) is relu(−1)·4 = 0, not −1·relu(4).
        #expect(try #require(Catalog.activation("reglu").vector).evaluate([-1, 4]).output == [0])
    }

    @Test("a model config's bare name points to its framework")
    func bareNames() {
        #expect(throws: ActivationError.unknownFunction("gelu_new", suggestion: "transformers.gelu_new")) {
            try Catalog.activation("gelu_new")
        }
        #expect((try? Framework(named: "hf")) == .transformers)
        #expect((try? Framework(named: "flax")) == .jax)
    }
}
