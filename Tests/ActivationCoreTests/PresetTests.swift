import Foundation
import Testing

@testable import ActivationCore

/// What each framework computes, written out by hand from its documentation and sources: defaults and the
/// derivative each framework reports at a corner.
@Suite("Framework presets")
struct PresetTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let spec: String
        let x: Double
        let value: Double?
        let derivative: Double
        var testDescription: String { "\(spec) at \(x)" }
    }

    static let selu = (lambda: 1.0507009873554805, lambdaAlpha: 1.7580993408473768)

    static let cases: [Case] = [
        // leaky_relu′(0): α in torch, keras, tf; 1 in jax and dl4j. Defaults 0.01 / 0.2 / 0.3.
        Case(spec: "torch.leaky_relu", x: 0, value: 0, derivative: 0.01),
        Case(spec: "torch.LeakyReLU", x: -1, value: -0.01, derivative: 0.01),
        Case(spec: "jax.leaky_relu", x: 0, value: 0, derivative: 1),
        Case(spec: "jax.nn.leaky_relu", x: -2, value: -0.02, derivative: 0.01),
        Case(spec: "keras.leaky_relu", x: 0, value: 0, derivative: 0.2),
        Case(spec: "keras.layers.LeakyReLU", x: -1, value: -0.3, derivative: 0.3),
        Case(spec: "tf.nn.leaky_relu", x: -1, value: -0.2, derivative: 0.2),
        Case(spec: "dl4j.LeakyReLU", x: 0, value: 0, derivative: 1),
        Case(spec: "keras2.layers.LeakyReLU", x: -1, value: -0.3, derivative: 0.3),
        // hard_sigmoid: x/6 + 1/2 (corners ±3) vs 0.2x + 0.5 (corners ±2.5).
        Case(spec: "torch.hardsigmoid", x: 3, value: 1, derivative: 0),
        Case(spec: "torch.hardsigmoid", x: -3, value: 0, derivative: 0),
        Case(spec: "torch.hardsigmoid", x: 2.75, value: 0.9583333333333334, derivative: 1.0 / 6),
        Case(spec: "jax.hard_sigmoid", x: 3, value: 1, derivative: 0),
        Case(spec: "keras.hard_sigmoid", x: 1.5, value: 0.75, derivative: 1.0 / 6),
        Case(spec: "dl4j.HardSigmoid", x: 2.5, value: 1, derivative: 0.2),
        Case(spec: "dl4j.hardsigmoid", x: 2.75, value: 1, derivative: 0),
        Case(spec: "dl4j.HARDSIGMOID", x: -2.5, value: 0, derivative: 0.2),
        Case(spec: "keras2.hard_sigmoid", x: 1, value: 0.7, derivative: 0.2),
        // gelu default form: exact (torch, tf, keras.activations), tanh (jax, keras.ops), x·σ(1.702x) (dl4j).
        Case(spec: "torch.gelu", x: 1, value: 0.8413447460685429, derivative: 1.0833154705876864),
        Case(spec: "tf.nn.gelu", x: 1, value: 0.8413447460685429, derivative: 1.0833154705876864),
        Case(spec: "keras.gelu", x: 1, value: 0.8413447460685429, derivative: 1.0833154705876864),
        Case(spec: "jax.gelu", x: 1, value: 0.8411919906082767, derivative: 1.0829640838457826),
        Case(spec: "keras.ops.gelu", x: 1, value: 0.8411919906082767, derivative: 1.0829640838457826),
        Case(spec: "dl4j.GELU", x: 1, value: 0.8457957659328212, derivative: 1.067779606556334),
        // softplus: torch has beta 1 and threshold 20, the others neither.
        Case(spec: "torch.softplus", x: 20.5, value: 20.5, derivative: 1),
        Case(spec: "jax.softplus", x: 20.5, value: 20.500000001250154, derivative: 0.9999999987498471),
        // prelu initial slope: torch 0.25, keras 0.
        Case(spec: "torch.PReLU", x: -1, value: -0.25, derivative: 0.25),
        Case(spec: "keras.layers.PReLU", x: -1, value: 0, derivative: 0),
        // hardtanh′(±1): 0 in torch, 1 in jax, keras and dl4j.
        Case(spec: "torch.Hardtanh", x: 1, value: 1, derivative: 0),
        Case(spec: "torch.Hardtanh", x: -1, value: -1, derivative: 0),
        Case(spec: "jax.hard_tanh", x: 1, value: 1, derivative: 1),
        Case(spec: "keras.hard_tanh", x: -1, value: -1, derivative: 1),
        Case(spec: "dl4j.HardTanh", x: 1, value: 1, derivative: 1),
        // selu′(0): λα in torch, jax, dl4j; λ in keras and tf.
        Case(spec: "torch.selu", x: 0, value: 0, derivative: selu.lambdaAlpha),
        Case(spec: "jax.selu", x: 0, value: 0, derivative: selu.lambdaAlpha),
        Case(spec: "dl4j.SELU", x: 0, value: 0, derivative: selu.lambdaAlpha),
        Case(spec: "keras.selu", x: 0, value: 0, derivative: selu.lambda),
        Case(spec: "tf.nn.selu", x: 0, value: 0, derivative: selu.lambda),
        // elu′(0) with α ≠ 1: α in torch, jax, keras; 1 in tf and dl4j.
        Case(spec: "torch.elu:alpha=2", x: 0, value: 0, derivative: 2),
        Case(spec: "jax.elu:alpha=2", x: 0, value: 0, derivative: 2),
        Case(spec: "keras.elu:alpha=2", x: 0, value: 0, derivative: 2),
        Case(spec: "tf.elu:alpha=2", x: 0, value: 0, derivative: 1),
        Case(spec: "dl4j.ELU:alpha=2", x: 0, value: 0, derivative: 1),
        // relu′(0), relu6′(0), relu6′(6): 0 everywhere.
        Case(spec: "torch.relu", x: 0, value: 0, derivative: 0),
        Case(spec: "jax.relu", x: 0, value: 0, derivative: 0),
        Case(spec: "tf.nn.relu", x: 0, value: 0, derivative: 0),
        Case(spec: "dl4j.ReLU", x: 0, value: 0, derivative: 0),
        Case(spec: "torch.relu6", x: 6, value: 6, derivative: 0),
        Case(spec: "jax.relu6", x: 0, value: 0, derivative: 0),
        Case(spec: "tf.nn.relu6", x: 6, value: 6, derivative: 0),
        // sparse_sigmoid′(±1): 1/4 in jax (clip ties), 0 in keras.
        Case(spec: "jax.sparse_sigmoid", x: 1, value: 1, derivative: 0.25),
        Case(spec: "keras.sparse_sigmoid", x: -1, value: 0, derivative: 0),
        // hard_swish′(±3) = 0 and 1; rrelu evaluation slope 11/48; dl4j thresholded relu θ = 1.
        Case(spec: "torch.hardswish", x: -3, value: 0, derivative: 0),
        Case(spec: "torch.hardswish", x: 3, value: 3, derivative: 1),
        Case(spec: "torch.rrelu", x: -1, value: -0.22916666666666666, derivative: 0.22916666666666666),
        Case(spec: "dl4j.PReLU", x: 0, value: 0, derivative: 1),
        Case(spec: "dl4j.PReLU", x: -1, value: -0.25, derivative: 0.25),
        Case(spec: "dl4j.ThresholdedReLU", x: 1, value: 0, derivative: 0),
        Case(spec: "dl4j.ThresholdedReLU", x: 1.5, value: 1.5, derivative: 1),
        // Keras relu's steps: measured with Keras 3.15.1 on TensorFlow 2.21 (float64, GradientTape):
        // clip_by_value passes its gradient at a bound, relu6 does not; x·[x > threshold] has
        // f′(threshold) = 0; a negative threshold with a cap is clipped to 0 on (threshold, 0).
        Case(spec: "keras.relu:max_value=5", x: 5, value: 5, derivative: 1),  // TF 5/1 (JAX 5/0.5)
        Case(spec: "keras.relu:max_value=5", x: 6, value: 5, derivative: 0),  // TF 5/0
        Case(spec: "keras.relu:max_value=6", x: 6, value: 6, derivative: 0),  // TF 6/0 (relu6)
        Case(spec: "keras.relu:max_value=6,threshold=1", x: 6, value: 6, derivative: 1),  // TF 6/1 (clip)
        Case(spec: "keras.relu:threshold=1", x: 1, value: 0, derivative: 0),  // TF 0/0
        Case(spec: "keras.relu:negative_slope=0.1", x: 0, value: 0, derivative: 0.1),  // TF 0/0.1 (JAX 0/1)
        Case(spec: "keras.relu:negative_slope=0.1,max_value=5", x: 0, value: 0, derivative: 0),  // TF 0/0
        Case(spec: "keras.relu:negative_slope=0.1,threshold=1", x: 1, value: 0, derivative: 0),  // TF 0/0
        Case(spec: "keras.relu:negative_slope=0.1,max_value=5,threshold=1", x: 1, value: 0, derivative: 0),
        Case(spec: "keras.relu:negative_slope=0.1,max_value=5,threshold=1", x: 5, value: 5, derivative: 1),
        Case(spec: "keras.relu:negative_slope=0.1,threshold=1", x: -1.5, value: -0.25, derivative: 0.1),
        Case(spec: "keras.relu:threshold=-1,max_value=5", x: -0.5, value: 0, derivative: 0),  // TF 0/0
        // TF 0/1 (JAX 0/0.5)
        Case(spec: "keras.relu:threshold=-1,max_value=5", x: 0, value: 0, derivative: 1),
        Case(spec: "keras.relu:threshold=-1", x: -0.5, value: -0.5, derivative: 1),  // TF −0.5/1
        Case(spec: "keras.relu:threshold=2,max_value=1.5", x: 5, value: 1.5, derivative: 0),  // TF 1.5/0
        Case(spec: "keras.layers.ReLU:max_value=5", x: 5, value: 5, derivative: 1),
        Case(spec: "keras2.relu:alpha=0.1,max_value=5,threshold=1", x: 1, value: 0, derivative: 0),
        // rational tanh as DL4J documents it (decimal constants).
        Case(spec: "dl4j.RationalTanh", x: 0, value: 0, derivative: 1.7159 * 2 / 3),
    ]

    @Test("value and derivative as the framework table says", arguments: cases)
    func framework(_ c: Case) throws {
        let f = try Catalog.activation(c.spec)
        if let value = c.value {
            #expect(abs(f.value(at: c.x) - value) <= 2 * Swift.max(abs(value), 1e-300).ulp)
        }
        #expect(
            abs(f.derivative(at: c.x) - c.derivative) <= 2 * Swift.max(abs(c.derivative), 1e-300).ulp,
            "got \(f.derivative(at: c.x))")
    }

    @Test("list --framework counts: DL4J's 22 activations, torch's 30")
    func counts() {
        #expect(FrameworkPreset.presets(of: .dl4j).count == 22)
        #expect(FrameworkPreset.presets(of: .torch).count == 30)
        for framework in Framework.allCases {
            let names = FrameworkPreset.presets(of: framework).flatMap { preset in
                Set(preset.names.map { "\(preset.namespace)\(Catalog.normalize($0))" })
            }
            #expect(Set(names).count == names.count, "\(framework) has a name twice")
        }
    }

    /// DL4J's documentation lists its activations by class, and its `Activation` enum by
    /// constant; written out here from those pages, not from the presets.
    static let dl4jClasses = [
        "ActivationCube": "cube", "ActivationELU": "elu", "ActivationGELU": "gelu",
        "ActivationHardSigmoid": "hard_sigmoid", "ActivationHardTanH": "hardtanh",
        "ActivationIdentity": "identity",
        "ActivationLReLU": "leaky_relu", "ActivationMish": "mish", "ActivationPReLU": "prelu",
        "ActivationRationalTanh": "rational_tanh", "ActivationRectifiedTanh": "rectified_tanh",
        "ActivationReLU": "relu", "ActivationReLU6": "relu6", "ActivationRReLU": "rrelu",
        "ActivationSELU": "selu", "ActivationSigmoid": "sigmoid", "ActivationSoftmax": "softmax",
        "ActivationSoftPlus": "softplus", "ActivationSoftSign": "softsign", "ActivationSwish": "silu",
        "ActivationTanH": "tanh", "ActivationThresholdedReLU": "thresholded_relu",
    ]
    static let dl4jConstants = [
        "CUBE": "cube", "ELU": "elu", "GELU": "gelu", "HARDSIGMOID": "hard_sigmoid", "HARDTANH": "hardtanh",
        "IDENTITY": "identity", "LEAKYRELU": "leaky_relu", "MISH": "mish", "RATIONALTANH": "rational_tanh",
        "RECTIFIEDTANH": "rectified_tanh", "RELU": "relu", "RELU6": "relu6", "RRELU": "rrelu", "SELU": "selu",
        "SIGMOID": "sigmoid", "SOFTMAX": "softmax", "SOFTPLUS": "softplus", "SOFTSIGN": "softsign",
        "SWISH": "silu", "TANH": "tanh", "THRESHOLDEDRELU": "thresholded_relu",
    ]

    @Test("every DL4J activation resolves by its class and by its enum constant, in each form users write")
    func dl4jSpellings() throws {
        #expect(Self.dl4jClasses.count == 22 && Self.dl4jConstants.count == 21)
        for (name, function) in Self.dl4jClasses {
            let preset = try Catalog.preset(named: "dl4j.\(name)")
            #expect(preset.function == function && preset.spelling(.className) == name, "\(name)")
            for spec in [name, "new \(name)()", "dl4j.activations.impl.\(name)", name.lowercased()] {
                #expect(try Catalog.activation(spec).preset == preset, "\(spec)")
            }
        }
        for (name, function) in Self.dl4jConstants {
            let preset = try Catalog.preset(named: "dl4j.Activation.\(name)")
            #expect(preset.function == function && preset.spelling(.enumConstant) == name, "\(name)")
        }
        #expect(FrameworkPreset.presets(of: .dl4j).allSatisfy { $0.spelling(.className) != nil })
        #expect(
            throws: ActivationError.malformedSpec(
                "new ActivationLReLU(0.2)",
                reason:
                    "a spec gives a class's parameters by name, not as constructor arguments: write "
                    + "dl4j.ActivationLReLU:alpha=…")
        ) { try Catalog.activation("new ActivationLReLU(0.2)") }
    }

    @Test("a missing name's answer names specs that resolve and draw what the name meant")
    func answersForMissingNames() throws {
        for missing in MissingActivation.all {
            let spec =
                "\(missing.framework.rawValue).\(missing.namespace == .layers ? "layers." : "")\(missing.name)"
            #expect(throws: ActivationError.self) { try Catalog.activation(spec) }
            let named = missing.answer.matches(
                of: /\b(torch|jax|keras2?|tf|dl4j|caffe)\.[A-Za-z0-9_.]*[A-Za-z0-9](:[a-z_]+=[0-9.]+)?/)
            #expect(!named.isEmpty, "\(spec)'s answer names no spec")
            let modules = Set(Framework.allCases.flatMap { $0.prefixes.map(\.path) })
            for match in named where !modules.contains(String(match.output.0)) {
                #expect((try? Catalog.activation(String(match.output.0))) != nil, "\(match.output.0)")
            }
        }
        // Keras 2's ThresholdedReLU (theta 1) and Keras 3's ReLU layer at threshold 1 agree; relu_x
        // at X = 6 is tf.nn.relu6, derivatives at the corners included.
        let keras2 = try Catalog.activation("keras2.layers.ThresholdedReLU")
        let keras3 = try Catalog.activation("keras.layers.ReLU:threshold=1")
        let capped = try Catalog.activation("relu:max_value=6")
        let relu6 = try Catalog.activation("tf.nn.relu6")
        for x in stride(from: -8.0, through: 8, by: 0.125) {
            #expect(keras2.value(at: x) == keras3.value(at: x), "\(x)")
            #expect(capped.jet(at: x) == relu6.jet(at: x), "\(x)")
        }
    }

    @Test("every preset resolves under its own spelling, its aliases and its framework's other forms")
    func resolution() throws {
        for preset in FrameworkPreset.all {
            for name in preset.names {
                let qualified = preset.qualifiedName.replacingLastComponent(with: name)
                #expect(try Catalog.preset(named: qualified) == preset, "\(qualified)")
                #expect(
                    try Catalog.preset(named: qualified.uppercased()) == preset, "\(qualified) uppercased")
            }
        }
        #expect(try Catalog.preset(named: "tf.nn.relu6").function == "relu6")
        #expect(try Catalog.preset(named: "torch.nn.functional.leaky_relu").name == "LeakyReLU")
        #expect(try Catalog.preset(named: "keras.ops.relu").namespace == .main)
    }
}

extension String {
    fileprivate func replacingLastComponent(with name: String) -> String {
        guard let dot = lastIndex(of: ".") else { return name }
        return self[...dot] + name
    }

    /// Every claim `f(a) = v`, `f′(a) = v`, `f″(a) = v` or `name(a) = v` in a note, with a and v
    /// numbers (±a gives two claims); `v` is as written, to its own number of digits.
    static func claims(in note: String) -> [(x: Double, order: Int, value: String)] {
        let pattern =
            /(?<name>[A-Za-zσ_]+)(?<primes>[′″]?)\((?<argument>[^()]*)\) = (?<value>[−\-]?[0-9][0-9.e−\-\/]*)/
        var found: [(x: Double, order: Int, value: String)] = []
        for match in note.matches(of: pattern) {
            let order = match.primes == "′" ? 1 : match.primes == "″" ? 2 : 0
            var argument = String(match.argument).replacingOccurrences(of: "−", with: "-")
            var signs = [1.0]
            if argument.hasPrefix("±") {
                argument.removeFirst()
                signs = [-1, 1]
            }
            guard let x = Double(argument) else { continue }
            let value = String(match.value).trimmingCharacters(in: CharacterSet(charactersIn: ".,;"))
            for sign in signs { found.append((sign * x, order, value)) }
        }
        return found
    }

    /// A written number (`0.2`, `−7.6e-23`, `1/4`) as a double.
    static func number(_ text: String) -> Double? {
        let t = text.replacingOccurrences(of: "−", with: "-")
        let parts = t.split(separator: "/")
        if parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]) { return a / b }
        return Double(t)
    }

    /// Whether `actual` is `expected` to the digits `written` shows: 17 digits exactly, 7.6e-23 to two.
    static func agrees(_ actual: Double, _ written: String, _ expected: Double) -> Bool {
        if actual == expected { return true }
        guard !written.contains("/"), expected != 0 else { return false }
        let mantissa = written.split(separator: "e").first.map(String.init) ?? written
        let significant: [Character] = Array(mantissa.filter { $0.isNumber }.drop { $0 == "0" })
        let magnitude: Double = Foundation.log10(Swift.abs(expected)).rounded(.down)
        let shift: Int = significant.count - 1
        let exponent: Double = magnitude - Double(shift)
        let unit: Double = Foundation.pow(10.0, exponent)
        return Swift.abs(actual - expected) <= 0.5001 * unit
    }

    @Test("every number a preset's note gives for f, f′ or f″ at a point is what actplot returns there")
    func notesAgree() throws {
        var checked = 0
        for preset in FrameworkPreset.all {
            guard let note = preset.note else { continue }
            let f = try Catalog.activation(preset.qualifiedName)
            for claim in Self.claims(in: note) {
                let name = preset.qualifiedName
                let expected = try #require(Self.number(claim.value), "\(name): \(claim.value)")
                let jet = f.jet(at: claim.x)
                let actual = [jet.value, jet.derivative, jet.secondDerivative][claim.order]
                #expect(
                    Self.agrees(actual, claim.value, expected),
                    "\(name): the note says \(claim.value) at \(claim.x), actplot gives \(actual)")
                checked += 1
            }
        }
        #expect(checked >= 20, "only \(checked) claims found")
    }
}
