import Testing

@testable import ActivationCore

/// Reading function specs: names, aliases, parameters, presets and the errors for each.
@Suite("Function specs")
struct SpecTests {
    @Test(
        "names ignore case, _, - and spaces",
        arguments: ["leaky_relu", "LeakyReLU", "leaky-relu", "leakyrelu", "LRELU", " leaky relu "])
    func normalisation(name: String) throws {
        #expect(try Catalog.activation(name).entry.name == "leaky_relu")
    }

    @Test("aliases resolve to their function")
    func aliases() throws {
        let pairs = [
            "swish": "silu", "linear": "identity", "heaviside": "binary_step", "hardswish": "hard_swish",
            "logsigmoid": "log_sigmoid", "soft_sign": "softsign", "exp": "exponential",
            "hard_silu": "hard_swish",
        ]
        for (alias, name) in pairs {
            #expect(try Catalog.activation(alias).entry.name == name, "\(alias)")
        }
    }

    @Test("parameters: numbers in any float syntax, fractions, words, kink")
    func parameters() throws {
        #expect(try Catalog.activation("leaky_relu:alpha=0.2").parameter("alpha") == .real(0.2))
        #expect(try Catalog.activation("leaky_relu:alpha=0x1p-3").parameter("alpha") == .real(0.125))
        #expect(try Catalog.activation("hard_sigmoid:slope=1/5").parameter("slope") == .real(0.2))
        #expect(try Catalog.activation("softplus:beta=2,threshold=20").parameter("threshold") == .real(20))
        #expect(try Catalog.activation("relu:max_value=inf").parameter("max_value") == .real(.infinity))
        #expect(try Catalog.activation("gelu:approximate=TANH").parameter("approximate") == .choice("tanh"))
        #expect(try Catalog.activation("leaky_relu:kink=inclusive").derivative(at: 0) == 1)
        #expect(try Catalog.activation("torch.leaky_relu:alpha=0.1").derivative(at: 0) == 0.1)
        #expect(try Catalog.activation("jax.leaky_relu:kink=exclusive").derivative(at: 0) == 0.01)
    }

    @Test("a preset takes its framework's parameter names as well as the catalog's")
    func frameworkParameterNames() throws {
        let named = try Catalog.activation("torch.LeakyReLU:negative_slope=0.1")
        #expect(named.parameter("alpha") == .real(0.1) && named.value(at: -2) == -0.2)
        #expect(try Catalog.activation("torch.LeakyReLU:alpha=0.1").parameter("alpha") == .real(0.1))
        #expect(try Catalog.activation("torch.Softshrink:lambd=1").value(at: 1.5) == 0.5)
        #expect(try Catalog.activation("keras.hard_shrink:threshold=2").value(at: 1.5) == 0)
        #expect(try Catalog.activation("dl4j.RReLU:l=0.1,u=0.3").value(at: -1) == -0.2)
        #expect(try Catalog.activation("torch.heaviside:values=0.5").value(at: 0) == 0.5)
        #expect(
            throws: ActivationError.malformedSpec(
                "torch.LeakyReLU:alpha=1,negative_slope=2", reason: "'negative_slope' is given twice")
        ) { try Catalog.activation("torch.LeakyReLU:alpha=1,negative_slope=2") }
        #expect(
            throws: ActivationError.unknownParameter(
                function: "torch.LeakyReLU", parameter: "slope", known: ["negative_slope", "kink"])
        ) { try Catalog.activation("torch.LeakyReLU:slope=1") }
        #expect(
            throws: ActivationError.invalidParameter(
                function: "dl4j.RReLU", parameter: "l", value: "0.5", expected: "a number ≤ upper (0.1)")
        ) { try Catalog.activation("dl4j.RReLU:l=0.5,u=0.1") }
    }

    @Test("names shown: defaults omitted, changes listed")
    func names() throws {
        #expect(try Catalog.activation("relu").name == "relu")
        #expect(try Catalog.activation("leaky_relu:alpha=0.2").name == "leaky_relu(alpha=0.2)")
        #expect(try Catalog.activation("torch.softplus").name == "torch.Softplus")
        #expect(try Catalog.activation("torch.softplus:beta=2").name == "torch.Softplus(beta=2)")
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        let spec: String
        let error: ActivationError
        var testDescription: String { spec }
    }

    static let bad: [Bad] = [
        Bad(spec: "gleu", error: .unknownFunction("gleu", suggestion: "gelu")),
        Bad(spec: "sigmod", error: .unknownFunction("sigmod", suggestion: "sigmoid")),
        Bad(spec: "zzzzzz", error: .unknownFunction("zzzzzz", suggestion: nil)),
        Bad(
            spec: "",
            error: .malformedSpec("", reason: "expected a function name, e.g. relu or leaky_relu:alpha=0.2")),
        Bad(
            spec: "leaky_relu:alpah=0.2",
            error: .unknownParameter(function: "leaky_relu", parameter: "alpah", known: ["alpha", "kink"])),
        Bad(
            spec: "leaky_relu:alpha=abc",
            error: .invalidParameter(
                function: "leaky_relu", parameter: "alpha", value: "abc", expected: "a finite number")),
        Bad(
            spec: "leaky_relu:alpha=nan",
            error: .invalidParameter(
                function: "leaky_relu", parameter: "alpha", value: "nan", expected: "a finite number")),
        Bad(
            spec: "softplus:beta=0",
            error: .invalidParameter(
                function: "softplus", parameter: "beta", value: "0", expected: "a finite number > 0")),
        Bad(
            spec: "celu:alpha=0",
            error: .invalidParameter(
                function: "celu", parameter: "alpha", value: "0", expected: "a finite number other than 0")),
        Bad(
            spec: "gelu:approximate=fast",
            error: .invalidParameter(
                function: "gelu", parameter: "approximate", value: "fast",
                expected: "one of none, tanh, sigmoid")),
        Bad(
            spec: "hardtanh:min_val=2",
            error: .invalidParameter(
                function: "hardtanh", parameter: "min_val", value: "2", expected: "a number < max_val (1)")),
        Bad(
            spec: "rrelu:lower=0.5,upper=0.1",
            error: .invalidParameter(
                function: "rrelu", parameter: "lower", value: "0.5", expected: "a number ≤ upper (0.1)")),
        Bad(
            spec: "leaky_relu:alpha",
            error: .malformedSpec(
                "leaky_relu:alpha",
                reason: "expected PARAM=VALUE after ':', got 'alpha' (e.g. leaky_relu:alpha=0.2)")),
        Bad(
            spec: "leaky_relu:alpha=1,alpha=2",
            error: .malformedSpec("leaky_relu:alpha=1,alpha=2", reason: "'alpha' is given twice")),
        Bad(
            spec: "sigmoid:kink=inclusive",
            error: .malformedSpec(
                "sigmoid:kink=inclusive", reason: "sigmoid has no corners, so 'kink' does not apply")),
        Bad(
            spec: "relu:beta=1",
            error: .unknownParameter(
                function: "relu", parameter: "beta",
                known: ["negative_slope", "max_value", "threshold", "kink"])),
        Bad(
            spec: "sigmoid:alpha=1",
            error: .unknownParameter(function: "sigmoid", parameter: "alpha", known: [])),
        Bad(spec: "torhc.relu", error: .unknownFramework("torhc", suggestion: "torch")),
        Bad(
            spec: "torch.swishh", error: .notInFramework(framework: "torch", name: "swishh", suggestion: nil)),
        Bad(
            spec: "torch.leakyrelu6",
            error: .notInFramework(framework: "torch", name: "leakyrelu6", suggestion: "LeakyReLU")),
        Bad(spec: "jax.crelu", error: .notInFramework(framework: "jax", name: "crelu", suggestion: "celu")),
        Bad(
            spec: "keras.layers.tanh",
            error: .notInFramework(framework: "keras.layers", name: "tanh", suggestion: "keras.tanh")),
        Bad(
            spec: "keras.layers.ThresholdedReLU",
            error: .elsewhere(
                framework: "keras.layers", name: "ThresholdedReLU",
                answer:
                    "removed in Keras 3; keras2.layers.ThresholdedReLU is Keras 2's, and "
                    + "keras.layers.ReLU:threshold=1 has its values")),
        Bad(
            spec: "keras2.hard_silu",
            error: .elsewhere(
                framework: "keras2", name: "hard_silu", answer: "Keras 3 has it: keras.hard_silu")),
        Bad(
            spec: "keras.ThresholdedReLU",
            error: .elsewhere(
                framework: "keras", name: "ThresholdedReLU",
                answer: "Keras 2 has it: keras2.layers.ThresholdedReLU")),
        Bad(
            spec: "dl4j.Activation.PRELU",
            error: .elsewhere(
                framework: "dl4j.Activation", name: "PRELU",
                answer: "PReLU is not in the Activation enum; it is the class dl4j.ActivationPReLU")),
        Bad(
            spec: "tf.keras.layers.LeakyReLU",
            error: .elsewhere(
                framework: "tf.keras.layers", name: "LeakyReLU",
                answer:
                    "tf.keras is Keras 2 up to TensorFlow 2.15 and Keras 3 from 2.16; write "
                    + "keras2.layers.LeakyReLU or keras.layers.LeakyReLU")),
        Bad(
            spec: "caffe.ReLU6", error: .notInFramework(framework: "caffe", name: "ReLU6", suggestion: "ReLU")
        ),
    ]

    @Test("bad specs name what is wrong and suggest a fix", arguments: bad)
    func errors(_ bad: Bad) {
        #expect(throws: bad.error) { try Catalog.activation(bad.spec) }
        let text = bad.error.description
        #expect(!text.contains("\n") && !text.isEmpty)
    }

    /// The command line adds where to look ("run 'actplot list'"): ErrorReportTests checks it.
    @Test("messages read as one line with a hint")
    func messages() {
        #expect(
            ActivationError.unknownFunction("gleu", suggestion: "gelu").description
                == "unknown function 'gleu'; did you mean 'gelu'?")
        #expect(
            ActivationError.unknownParameter(function: "leaky_relu", parameter: "alpah", known: ["alpha"])
                .description
                == "unknown parameter 'alpah' for leaky_relu; did you mean 'alpha'? (it takes: alpha)")
    }

    /// Found by the spec fuzzer: user text with line breaks made two-line errors.
    @Test(
        "user text in an error is escaped and shortened: still one line",
        arguments: [
            "softma\n\n\nx", "rrelu:l(ow:l(o8\ntanweD0.eDr", "leaky_relu:al\tpha=1\r", "\u{1B}[31mrelu",
        ])
    func escaped(_ spec: String) {
        do {
            _ = try Catalog.activation(spec)
            Issue.record("\(spec) was accepted")
        } catch {
            let text = error.description
            #expect(!text.contains { $0.isNewline || $0 == "\t" || $0 == "\u{1B}" }, "\(text)")
        }
        let long = String(repeating: "q", count: 100_000)
        let text = ActivationError.unknownFunction(long, suggestion: nil).description
        #expect(text.count < 200 && text.contains("(100000 characters)"))
    }
}
