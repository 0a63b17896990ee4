import ActivationCore
import Foundation
import Testing

/// Functions in narrow formats: exact rounding against mpmath at every 16-bit input, the
/// textbook formulas' failures as the issue trackers report them, and the rounded arithmetic
/// against the machine's own.
@Suite("Formats: exact, naive, opmath")
struct FormatEvaluationTests {
    static let token: UInt64 = 0xFFFF_FFFF_FFFF_FFFF

    /// The fixture's (function, format) → (inputs, hash) from Scripts/make-format-reference.py.
    static let reference: [String: (Int, UInt64)] = {
        var out: [String: (Int, UInt64)] = [:]
        for line in fixtureLines("format-reference") {
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 4, let n = Int(f[2]), let h = UInt64(f[3], radix: 16) else { continue }
            out[f[0] + " " + f[1]] = (n, h)
        }
        return out
    }()

    static let cases: [(String, NumberFormat)] = ["sigmoid", "tanh", "gelu", "softplus", "elu"].flatMap {
        name in
        [(name, NumberFormat.bfloat16), (name, .float16)]
    }

    @Test(
        "exact: f and f′ correctly rounded at every finite bfloat16 and float16 input, as mpmath rounds them",
        arguments: cases)
    func exactAgainstMpmath(_ c: (String, NumberFormat)) throws {
        let (name, format) = c
        let e = FormatEvaluation(try Catalog.activation(name), format: format)
        let inputs = format.allValues.filter(\.isFinite)
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var uncertain = 0
        for x in inputs {
            let p = e.evaluate(at: x)
            if !p.certain { uncertain += 1 }
            for v in [p.value, p.derivative] {
                // mpmath has no signed zero.
                let w = v.isNaN ? Self.token : (v == 0 ? 0 : v.bitPattern)
                h = (h ^ w) &* 0x100_0000_01B3
            }
        }
        let expected = try #require(Self.reference["\(name) \(format.name)"], "no reference for \(name)")
        #expect(inputs.count == expected.0)
        #expect(h == expected.1, "\(name) in \(format): some exact result differs from mpmath's rounding")
        #expect(uncertain == 0)
    }

    @Test(
        "ties decided with more precision: α·x on a midpoint by its exact product, x/2 + x²·c by the series")
    func ties() throws {
        // 0.01·x for x = −2^-127·… lands on the midpoint between −0 and the smallest subnormal in
        // float64; the double 0.01 is a hair above 0.01, so the exact product is beyond it.
        let leaky = FormatEvaluation(try Catalog.activation("leaky_relu"), format: .bfloat16)
        let p = leaky.evaluate(at: -4.5917748078995606e-39)
        #expect(p.certain && p.value == -0x1p-133)
        // An exact midpoint (0.25·x, a dyadic product) ties to even.
        let prelu = FormatEvaluation(try Catalog.activation("prelu"), format: .bfloat16)
        let q = prelu.evaluate(at: -0x1p-132)
        #expect(q.certain && q.value == 0 && q.value.sign == .minus)
        // hardswish(x) = x/2 + x²/6 near 0: the smallest subnormal's half rounds up.
        let swish = FormatEvaluation(try Catalog.activation("hardswish"), format: .bfloat16)
        let r = swish.evaluate(at: 0x1p-133)
        #expect(r.certain && r.value == 0x1p-133)
    }

    /// The first input on a side (from 0 outwards) where f′ or f has an event, from the survey.
    func threshold(
        _ spec: String, _ format: NumberFormat, _ arithmetic: FormatEvaluation.Arithmetic, part: Int,
        _ event: FormatSurvey.Event
    ) throws -> FormatSurvey.Threshold? {
        let survey = FormatSurvey(
            FormatEvaluation(try Catalog.activation(spec), format: format, arithmetic: arithmetic))
        return survey.thresholds.first { $0.part.rawValue == part && $0.event == event }
    }

    @Test(
        "the reports reproduced: bfloat16 y·(1 − y) is 0 from 6.25 in opmath, earlier in naive, from 93 exactly"
    )
    func sigmoidGradient() throws {
        #expect(try threshold("sigmoid", .bfloat16, .opmath, part: 1, .zero)?.positive == 6.25)
        let naive = try #require(try threshold("sigmoid", .bfloat16, .naive, part: 1, .zero)?.positive)
        #expect(naive < 6.25)
        #expect(try threshold("sigmoid", .bfloat16, .exact, part: 1, .zero)?.positive == 93)
        // TensorFlow's float32 gradient from the output: 0 from x ≈ 16.6 (tensorflow#126060: x ≥ 17).
        let f32 = try #require(try threshold("sigmoid", .float32, .opmath, part: 1, .zero)?.positive)
        #expect(f32 > 16 && f32 < 17.5)
    }

    @Test("float16 exp overflows from 11.09375, and log(1 + exp(x)) softplus with it")
    func float16Overflow() throws {
        let exp = FormatEvaluation(
            try Catalog.activation("exponential"), format: .float16, arithmetic: .naive)
        #expect(exp.evaluate(at: 11.0859375).value == 65248 && exp.evaluate(at: 11.09375).value == .infinity)
        #expect(try threshold("softplus", .float16, .naive, part: 0, .infinite)?.positive == 11.09375)
        #expect(try threshold("softplus", .float16, .exact, part: 0, .infinite) == nil)
        // ∞ then ∞ again is no turn the wrong way.
        #expect(try threshold("softplus", .float16, .naive, part: 0, .againstTruth) == nil)
        // PyTorch's where(x > 20, x, log1p(exp(x))) leaves (11.09, 20] infinite, then returns x.
        let torch = FormatEvaluation(
            try Catalog.activation("torch.Softplus"), format: .float16, arithmetic: .naive)
        #expect(torch.evaluate(at: 15).value == .infinity && torch.evaluate(at: 20).value == .infinity)
        #expect(torch.evaluate(at: 20.015625).value == 20.015625 && torch.evaluate(at: 25).derivative == 1)
        // pytorch#187180: softplus with β = 1e-6 in float16 (float32 inside) is +∞ at x = 1.
        let tiny = FormatEvaluation(
            try Catalog.activation("softplus:beta=1e-6"), format: .float16, arithmetic: .opmath)
        #expect(tiny.evaluate(at: 1).value == .infinity)
        // fairseq#2235: tanh-GELU's gradient is NaN in float16 once x² overflows (256² > 65504).
        let gelu = FormatEvaluation(
            try Catalog.activation("gelu:approximate=tanh"), format: .float16, arithmetic: .naive)
        #expect(gelu.evaluate(at: 256).derivative.isNaN && !gelu.evaluate(at: 255).derivative.isNaN)
    }

    @Test(
        "tanh-GELU's negative tail is exactly 0 in float32 from about x = −5.2 by 1 + tanh(u); the true value is not"
    )
    func geluTail() throws {
        let naive = FormatEvaluation(
            try Catalog.activation("gelu:approximate=tanh"), format: .float32, arithmetic: .naive)
        let p = naive.evaluate(at: -6)
        #expect(p.value == 0 && p.exactValue < -1e-11)
        let start = try #require(
            try threshold("gelu:approximate=tanh", .float32, .naive, part: 0, .zero)?.negative)
        #expect(start < -5 && start > -5.5, "\(start)")
        let exact = FormatEvaluation(try Catalog.activation("gelu:approximate=tanh"), format: .float32)
        #expect(exact.evaluate(at: -6).value < 0)
    }

    /// Results on or a hair off a midpoint of bfloat16, worked out by hand: (spec, x, f or f′,
    /// the correctly rounded result).
    static let midpoints: [(String, Double, Int, Double)] = [
        // 1.75³ = 343/64, 9 bits: the midpoint of 342/64 (odd last bit) and 344/64, so 5.375.
        ("cube", 1.75, 0, 5.375),
        // x/6 + 1/2 at 3·2⁻⁸ is 1/2 + 2⁻⁹ exactly, halfway to 0.50390625: even is 1/2.
        ("hard_sigmoid", 3 * 0x1p-8, 0, 0.5),
        // 129 − 0.5 = 128.5, halfway between 128 (even) and 129.
        ("softshrink", 129, 0, 128),
        // 258 − tanh 258 = 257 + 2e⁻⁵¹⁶, a hair above the midpoint 257: 258, not 256.
        ("tanhshrink", 258, 0, 258),
        ("tanhshrink", -258, 0, -258),
        // squareplus′(−2⁶⁷) = 2⁻¹³⁴(1 − 3·2⁻¹³⁴), a hair below half the least subnormal: 0.
        ("squareplus", -0x1p67, 1, 0),
        // 0.1·(x − 0.5) at x = 3·2⁻¹² is −204.5·2⁻¹², a midpoint, times the double 0.1's
        // 1 + 5.6e-17: a hair beyond it, so −205·2⁻¹².
        ("relu:negative_slope=0.1,threshold=0.5", 3 * 0x1p-12, 0, -205 * 0x1p-12),
        ("keras.relu:negative_slope=0.1,threshold=0.5", 3 * 0x1p-12, 0, -205 * 0x1p-12),
        // (2⁻⁹ + 1)/2 = 1/2 + 2⁻¹⁰, halfway to the bfloat16 after 1/2: even is 1/2.
        ("sparse_sigmoid", 0x1p-9, 0, 0.5),
    ]

    @Test(
        "exact rounding on a midpoint: true ties go to even, values a hair off go their way, all certain",
        arguments: midpoints)
    func midpoint(_ spec: String, _ x: Double, _ part: Int, _ expected: Double) throws {
        let p = FormatEvaluation(try Catalog.activation(spec), format: .bfloat16).evaluate(at: x)
        #expect(p.input == x)
        #expect((part == 0 ? p.value : p.derivative) == expected)
        #expect(p.certain)
    }

    @Test(
        "float32's sampled survey finds y·(1 − y) turning the wrong way, as Float arithmetic does; exact never"
    )
    func float32WrongTurn() throws {
        let turn = try #require(try threshold("sigmoid", .float32, .naive, part: 1, .againstTruth)?.negative)
        // σ′ falls as x goes out from 0 to the left; y·(1 − y) in Float rises from x to the next Float out.
        let slope = { (x: Float) -> Float in
            let y = 1 / (1 + Float(Foundation.exp(-Double(x))))
            return y * (1 - y)
        }
        let x = Float(turn)
        #expect(Double(x) == turn)
        #expect(slope(x.nextDown) > slope(x), "at \(x)")
        #expect(try threshold("sigmoid", .float32, .exact, part: 1, .againstTruth) == nil)
    }

    @Test("naive arithmetic is the format's own: x·c, x + c, x/c and x·x bit-equal to Float16 and Float")
    func machineArithmetic() throws {
        let formulas = ["x*1.1", "x + 0.1", "x/3", "x*x", "x - x*0.5"]
        for text in formulas {
            let e16 = FormatEvaluation(try Catalog.activation(text), format: .float16, arithmetic: .naive)
            let e32 = FormatEvaluation(try Catalog.activation(text), format: .float32, arithmetic: .naive)
            for v in NumberFormat.float16.allValues where v.isFinite {
                let h = Float16(v)
                let f = Float(v)
                let machine16: Float16
                let machine32: Float
                switch text {
                case "x*1.1": (machine16, machine32) = (h * Float16(1.1), f * Float(1.1))
                case "x + 0.1": (machine16, machine32) = (h + Float16(0.1), f + Float(0.1))
                case "x/3": (machine16, machine32) = (h / 3, f / 3)
                case "x*x": (machine16, machine32) = (h * h, f * f)
                default: (machine16, machine32) = (h - h * 0.5, f - f * 0.5)
                }
                let (a, b) = (e16.evaluate(at: v).value, e32.evaluate(at: v).value)
                #expect(
                    a.bitPattern == Double(machine16).bitPattern || a.isNaN && machine16.isNaN,
                    "\(text) at \(v)")
                #expect(
                    b.bitPattern == Double(machine32).bitPattern || b.isNaN && machine32.isNaN,
                    "\(text) at \(v)")
            }
        }
        // exp: one correctly rounded operation, as the double's exp rounded once.
        let exp = FormatEvaluation(try Catalog.activation("exp(x)"), format: .float16, arithmetic: .naive)
        #expect(exp.evaluate(at: 1).value == Double(Float16(2.718281828459045)))
    }

    /// Specs whose parameters take the formulas off their defaults (every branch of the builders).
    static let parameterisedSpecs = [
        "relu:negative_slope=0.1,max_value=3,threshold=0.5", "relu:threshold=-0.5,max_value=1.75",
        "relu:negative_slope=0.2", "binary_step:threshold=0.5,at_zero=0.5",
        "threshold:threshold=0.5,value=-2",
        "hardtanh:min_val=-0.5,max_val=2.5", "softshrink:lambda=1", "hardshrink:lambda=1", "squareplus:b=1",
        "log1mexp:domain=nonnegative", "softplus:beta=2", "celu:alpha=2", "elu:alpha=0.5",
        "leaky_relu:alpha=0.2", "rrelu:lower=0.1,upper=0.3", "nalu:w_hat=-1,m_hat=0.5,gate=-2",
        "silu:beta=1.5", "hard_sigmoid:slope=0.2",
    ]

    @Test("every textbook formula parses and is close to the truth in float64: catalog, parameters, presets")
    func formulas() throws {
        var functions = try Catalog.all.map { try Catalog.activation($0.name) }
        functions += try Self.parameterisedSpecs.map { try Catalog.activation($0) }
        functions += try FrameworkPreset.all.map { try Catalog.activation($0.qualifiedName) }
        functions += try ["softmax", "log_softmax", "softmin", "glu"].map {
            try Catalog.activation($0, others: [0.5, -1, 2])
        }
        var missing: [String] = []
        for f in functions {
            guard let formula = f.naiveFormula else {
                missing.append(f.entry.name)
                continue
            }
            let e = FormatEvaluation(f, format: .float64, arithmetic: .naive)
            // In float64 the textbook formulas are close to the truth away from corners.
            for x in [-4.25, -1.625, -0.3125, 0.375, 0.8125, 2.125, 3.875, 6.5] {
                let p = e.evaluate(at: x)
                // Outside the domain f is NaN, and the written f′ there is whatever it gives.
                if p.exactValue.isNaN {
                    #expect(p.value.isNaN, "\(f.name) at \(x): \(formula.value) = \(p.value), true NaN")
                    continue
                }
                let scale = (
                    value: Swift.max(1, abs(p.exactValue)), slope: Swift.max(1, abs(p.exactDerivative))
                )
                #expect(
                    abs(p.value - p.exactValue) <= 1e-12 * scale.value || p.value == p.exactValue,
                    "\(f.name) f at \(x): \(formula.value) = \(p.value), true \(p.exactValue)")
                #expect(
                    abs(p.derivative - p.exactDerivative) <= 1e-9 * scale.slope
                        || p.derivative == p.exactDerivative,
                    "\(f.name) f′ at \(x): \(formula.derivative ?? "autograd") = \(p.derivative), true \(p.exactDerivative)"
                )
            }
        }
        // Sparsemax is a sort and a threshold search, not a formula.
        #expect(Set(missing) == ["sparsemax"], "without textbook formulas: \(Set(missing).sorted())")
        // A typed formula: f′ by rounded forward mode, which in float64 is the exact derivative.
        let typed = FormatEvaluation(
            try Catalog.activation("x*tanh(log1p(exp(x)))"), format: .float64, arithmetic: .naive)
        let p = typed.evaluate(at: 0.5)
        #expect(abs(p.derivative - p.exactDerivative) < 1e-14)
        #expect(typed.formula?.derivative == nil)
    }

    @Test("a survey is bounded whatever the format: float64 takes 2^16 samples a side, float32 2^17")
    func boundedSurvey() throws {
        let sigmoid = try Catalog.activation("sigmoid")
        let wide = FormatSurvey(FormatEvaluation(sigmoid, format: .float64, arithmetic: .naive))
        #expect(!wide.exhaustive && wide.stride == 47 && wide.inputs <= 2 * (1 << 16) + 2)
        // float64's naive sigmoid: 1 + exp(−x) is ∞ from −709.78, so f is 0 there.
        let zero = try #require(wide.thresholds.first { $0.part == .value && $0.event == .zero })
        #expect(try #require(zero.negative) < -709 && zero.negative ?? 0 > -710)
        let narrow = FormatSurvey(FormatEvaluation(sigmoid, format: .float32, arithmetic: .exact))
        #expect(!narrow.exhaustive && narrow.stride == 14 && narrow.inputs <= 2 * (1 << 17) + 2)
        let bf16 = FormatSurvey(FormatEvaluation(sigmoid, format: .bfloat16))
        #expect(bf16.exhaustive && bf16.stride == nil && bf16.inputs == 65_278)
    }
}

/// float64 as a format: `eval --dtype f64` trusts a value only where an evaluation beyond double
/// precision, or an exact piece, decides it, and then it is mpmath's correctly rounded double.
@Suite("Formats: float64 decided only where known")
struct Float64FormatTests {
    @Test(
        "every certain float64 f and f′ is mpmath's correctly rounded double",
        arguments: ReferenceFixture.shared.specs)
    func certainMatchesMpmath(spec: String) throws {
        let e = FormatEvaluation(try Catalog.activation(spec), format: .float64)
        var wrong: [String] = []
        for row in ReferenceFixture.shared.rows[spec] ?? [] {
            let p = e.evaluate(at: row.x)
            guard p.certain else { continue }
            // mpmath has no signed zero; NaN matches NaN.
            let same = { (a: Double, b: Double) in a == b || a.isNaN && b.isNaN }
            if !same(p.value, row.value) { wrong.append("f(\(row.x)) = \(p.value), mpmath \(row.value)") }
            if !same(p.derivative, row.derivative) {
                wrong.append("f′(\(row.x)) = \(p.derivative), mpmath \(row.derivative)")
            }
        }
        #expect(wrong.isEmpty, "\(spec): \(wrong.prefix(5).joined(separator: "; "))")
    }

    @Test(
        "sigmoid, tanh and relu are decided at all but a handful of the fixture's points",
        arguments: [
            "sigmoid", "tanh", "relu",
        ])
    func mostlyDecided(spec: String) throws {
        let e = FormatEvaluation(try Catalog.activation(spec), format: .float64)
        let rows = ReferenceFixture.shared.rows[spec] ?? []
        let uncertain = rows.filter { !e.evaluate(at: $0.x).certain }
        // Only the tails between |x| = 700 (350 for tanh) and the underflow of f′ stay open.
        #expect(uncertain.allSatisfy { abs($0.x) > 300 || $0.x.isNaN }, "\(uncertain.map(\.x).prefix(8))")
        #expect(rows.count > 100)
    }
}
