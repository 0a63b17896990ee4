import ActivationCore
import Foundation
import Testing

@Suite("Expressions: parsing")
struct ExpressionParserTests {
    static let values: [(text: String, x: Double, expected: Double)] = [
        ("1+2*3", 0, 7), ("(1+2)*3", 0, 9), ("2^3^2", 0, 512), ("2**3**2", 0, 512), ("-x^2", 3, -9),
        ("(-x)^2", 3, 9), ("2*-3", 0, -6), ("-2^2", 0, -4), ("2^-1", 0, 0.5), ("1-2-3", 0, -4),
        ("8/4/2", 0, 1), (".5", 0, 0.5), ("0x1p-3", 0, 0.125), ("1e-3", 0, 0.001), ("2.5E+2", 0, 250),
        ("pi", 0, Double.pi), ("e", 0, M_E), ("x", -7, -7), ("  x * 2  ", 4, 8),
        ("min(x, 1) + max(x, 3)", 2, 4),
        ("pow(x, 3)", -2, -8), ("abs(x) + sign(x)", -3, 2), ("leaky_relu(x, alpha=0.2)", -1, -0.2),
        ("hard_sigmoid(x, slope=1/5)", 1, 0.7), ("torch.hardsigmoid(x)", 1.5, 0.75), ("x^0", 0, 1),
    ]

    @Test("precedence, associativity, unary minus, number syntax, constants, calls", arguments: values)
    func value(_ c: (text: String, x: Double, expected: Double)) throws {
        let e = try Expression(c.text)
        #expect(e.value(at: c.x) == c.expected, "\(c.text) at \(c.x)")
    }

    static let errors: [(text: String, column: Int, mentions: String)] = [
        ("x*(1+x", 7, "expected ')' to close the '(' at column 3"),
        ("exp(x", 6, "to close the '(' at column 4"),
        ("x +* 2", 4, "unexpected '*'"),
        ("x)", 2, "unbalanced ')'"),
        ("2 x", 3, "expected an operator, found 'x'"),
        ("", 1, "empty"),
        ("x+", 3, "ends too soon"),
        ("foo(x)", 1, "unknown function 'foo'"),
        ("gleu(x)", 1, "did you mean 'gelu'"),
        ("y + 1", 1, "unknown name 'y'"),
        ("exp(x, 2)", 1, "exp takes 1 argument, got 2"),
        ("max(x)", 1, "max takes 2 arguments, got 1"),
        ("exp", 1, "'exp' is a function: call it"),
        ("leaky_relu(x, alpah=0.2)", 15, "did you mean 'alpha'"),
        ("leaky_relu(x, alpha=x)", 21, "must be a constant"),
        ("softmax(x)", 1, "vector function"),
        ("gelu(x, approximate=fast)", 9, "one of none, tanh, sigmoid"),
        ("1 + 1e", 5, "'1e' is not a number"),
        ("x $ 2", 3, "expected an operator, found '$'"),
        ("relu(x, alpha=1, x)", 18, "positional arguments go before named ones"),
    ]

    @Test("errors name the problem and its column", arguments: errors)
    func error(_ c: (text: String, column: Int, mentions: String)) {
        #expect(throws: ExpressionError.self) { try Expression(c.text) }
        do {
            _ = try Expression(c.text)
        } catch {
            #expect(error.column == c.column, "\(c.text): column \(error.column), \(error.message)")
            #expect(error.message.contains(c.mentions), "\(c.text): \(error.message)")
            let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 3 && lines[2].hasSuffix("^"))
        }
    }

    @Test("depth and length limits: errors, never a stack overflow")
    func limits() {
        let deep = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
        #expect(throws: ExpressionError.self) { try Expression(String(deep.prefix(9_999))) }
        let minus = String(repeating: "-", count: 5_000) + "x"
        #expect(throws: ExpressionError.self) { try Expression(minus) }
        let powers = "x" + String(repeating: "^x", count: 2_000)
        #expect(throws: ExpressionError.self) { try Expression(powers) }
        #expect(throws: ExpressionError.self) { try Expression(deep) }
        let fine = String(repeating: "(", count: 200) + "x" + String(repeating: ")", count: 200)
        #expect((try? Expression(fine))?.value(at: 3) == 3)
        let long = Array(repeating: "x", count: 4_000).joined(separator: "+")
        #expect((try? Expression(long))?.value(at: 1) == 4_000)
    }

    @Test("constants fold: 2*pi*x compiles to two instructions")
    func folding() throws {
        #expect(try Expression("2*pi*x").instructionCount == 3)
        #expect(try Expression("(1+2)*(3+4)").instructionCount == 1)
        #expect(try Expression("exp(1)").value(at: 5) == M_E)
    }

    @Test("FUNCTION arguments: catalog specs stay specs, formulas become expressions")
    func dispatch() throws {
        for spec in [
            "relu", "leaky_relu:alpha=-0.2", "torch.hardsigmoid", "LeakyReLU", "gelu:approximate=tanh",
        ] {
            #expect(!Catalog.isExpression(spec), "\(spec)")
        }
        for text in ["x", "x^2", "2*x", "-x", "tanh(x)", "0.5", "gelu(x) - relu(x)"] {
            #expect(Catalog.isExpression(text), "\(text)")
        }
        #expect(try Catalog.activation("x*sigmoid(x)").name == "x*sigmoid(x)")
        #expect(throws: ActivationError.self) { try Catalog.activation("x*(") }
    }
}

@Suite("Expressions: automatic differentiation")
struct ExpressionDifferentiationTests {
    /// A reproducible random expression of smooth, well-conditioned pieces.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func pick(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func constant() -> String { String(format: "%.2f", Double(pick(400)) / 100 - 2) }

        mutating func expression(depth: Int) -> String {
            if depth == 0 || pick(5) == 0 { return pick(3) == 0 ? "(\(constant()))" : "x" }
            let a = expression(depth: depth - 1)
            switch pick(20) {
            case 0: return "-(\(a))"
            case 1: return "exp(tanh(\(a)))"
            case 2: return "tanh(\(a))"
            case 3: return "sin(\(a))"
            case 4: return "cos(\(a))"
            case 5: return "sqrt(1 + (\(a))^2)"
            case 6: return "log1p((\(a))^2)"
            case 7: return "sigmoid(\(a))"
            case 8: return "softplus(\(a))"
            case 9: return "gelu(\(a))"
            case 10: return "mish(\(a))"
            case 11: return "erf(\(a))"
            case 12: return "(\(a))^3"
            case 13: return "(\(a)) + (\(expression(depth: depth - 1)))"
            case 14: return "(\(a)) - (\(expression(depth: depth - 1)))"
            case 15: return "(\(a)) * (\(expression(depth: depth - 1)))"
            case 16: return "(\(a)) / (1 + (\(expression(depth: depth - 1)))^2)"
            case 17: return "silu(\(a), beta=1.5)"
            case 18: return "cosh(tanh(\(a)))"
            default: return "expm1(tanh(\(a)))"
            }
        }
    }

    /// 8th-order central difference of g at x with step h.
    static func difference(_ g: (Double) -> Double, at x: Double, step h: Double) -> Double {
        let c: [Double] = [4.0 / 5, -1.0 / 5, 4.0 / 105, -1.0 / 280]
        var sum = 0.0
        for (k, w) in c.enumerated() {
            let d = Double(k + 1) * h
            sum += w * (g(x + d) - g(x - d))
        }
        return sum / h
    }

    @Test("f′ and f″ of 300 random expressions agree with 8th-order finite differences")
    func randomExpressions() throws {
        var generator = Generator(state: 20_261_122)
        var checked = 0
        for _ in 0..<300 {
            let text = generator.expression(depth: 4)
            let e = try Expression(text)
            for x in [-1.7, -0.6, 0.05, 0.9, 1.8] {
                let jet = e.jet(at: x)
                let d1 = Self.difference({ e.value(at: $0) }, at: x, step: 2.5e-3)
                let d2 = Self.difference({ e.jet(at: $0).derivative }, at: x, step: 2.5e-3)
                let scale1 = Swift.max(1, abs(jet.derivative), abs(e.value(at: x)))
                let scale2 = Swift.max(1, abs(jet.secondDerivative), abs(jet.derivative))
                #expect(
                    abs(jet.derivative - d1) <= 1e-7 * scale1,
                    "\(text) at \(x): f′ \(jet.derivative) vs \(d1)")
                #expect(
                    abs(jet.secondDerivative - d2) <= 1e-7 * scale2,
                    "\(text) at \(x): f″ \(jet.secondDerivative) vs \(d2)")
                checked += 1
            }
        }
        #expect(checked == 1500)
    }

    @Test("sin(x)^2 + cos(x)^2 is 1 with derivatives 0, to rounding")
    func pythagoras() throws {
        let e = try Expression("sin(x)^2 + cos(x)^2")
        for x in stride(from: -10.0, through: 10, by: 0.37) {
            let j = e.jet(at: x)
            #expect(abs(j.value - 1) <= 2 * Double.ulpOfOne)
            #expect(
                abs(j.derivative) <= 4 * Double.ulpOfOne && abs(j.secondDerivative) <= 8 * Double.ulpOfOne)
        }
    }

    @Test("x*sigmoid(1.702*x) is the catalog's gelu:approximate=sigmoid")
    func sigmoidGELU() throws {
        let e = try Expression("x*sigmoid(1.702*x)")
        let f = try Catalog.activation("gelu:approximate=sigmoid")
        // The expression rounds 1.702·x before the exponential (the catalog keeps it exact), which
        // costs a relative |1.702·x|·2⁻⁵³ in the tail: that, plus a few ulps, is the tolerance.
        for x in stride(from: -30.0, through: 30, by: 0.173) {
            let (a, b) = (e.jet(at: x), f.jet(at: x))
            // Near the zeros of f′ and f″ the terms, of size σ(1.702·x), cancel: measure against them.
            let tolerance = (8 + 2 * abs(1.702 * x)) * Double.ulpOfOne
            let terms = x == 0 ? 1 : abs(b.value / x)
            #expect(abs(a.value - b.value) <= tolerance * abs(b.value), "f at \(x)")
            #expect(
                abs(a.derivative - b.derivative) <= tolerance * Swift.max(terms, abs(b.derivative)),
                "f′ at \(x)")
            #expect(
                abs(a.secondDerivative - b.secondDerivative)
                    <= 4 * tolerance * Swift.max(terms, abs(b.secondDerivative)), "f″ at \(x)")
        }
    }

    @Test(
        "a catalog call inside an expression is exactly the catalog function",
        arguments: ["gelu", "mish", "selu", "softplus"])
    func catalogCall(_ name: String) throws {
        let e = try Expression("\(name)(x)")
        let f = try Catalog.activation(name)
        for x in [-800.0, -30, -2.5, -1e-9, 0, 3e-7, 1.25, 40, 1e300] {
            #expect(e.jet(at: x) == f.jet(at: x), "\(name) at \(x)")
        }
    }

    static func J(_ v: Double, _ d: Double, _ s: Double) -> Jet {
        Jet(value: v, derivative: d, secondDerivative: s)
    }

    static let ties: [(text: String, x: Double, expected: Jet)] = [
        ("max(x, 0)", 0, J(0, 0.5, 0)), ("max(0, x)", 0, J(0, 0.5, 0)), ("min(x, 0)", 0, J(0, 0.5, 0)),
        ("min(0, x)", 0, J(0, 0.5, 0)), ("max(2*x, x)", 0, J(0, 1.5, 0)), ("max(x^2, 0)", 0, J(0, 0, 1)),
        ("max(x, 1)", 1, J(1, 0.5, 0)), ("max(x, x)", 3, J(3, 1, 0)), ("max(x, 0)", 1e-300, J(1e-300, 1, 0)),
        ("min(x, 0)", -5e-324, J(-5e-324, 1, 0)), ("abs(x)", 0, J(0, 0, 0)), ("sign(x)", 0, J(0, 0, 0)),
    ]

    @Test(
        "a tie in max or min: the value, with the mean of the derivatives, whichever order", arguments: ties)
    func tie(_ c: (text: String, x: Double, expected: Jet)) throws {
        let f = try Catalog.activation(c.text)
        #expect(f.jet(at: c.x) == c.expected, "\(c.text) at \(c.x)")
        #expect(f.values([c.x]) == [c.expected.value])
    }

    @Test("outside the domain: NaN value and derivatives; batches equal single points")
    func domainAndBatch() throws {
        let log = try Expression("log(x)").activation
        let j = log.jet(at: -1)
        #expect(j.value.isNaN && j.derivative.isNaN && j.secondDerivative.isNaN)
        let f = try Catalog.activation("x*tanh(softplus(x)) + sqrt(x)")
        let xs = stride(from: -3.0, through: 3, by: 0.01).map { $0 }
        var (v, d, s) = (
            [Double](repeating: 0, count: xs.count), [Double](repeating: 0, count: xs.count), [Double]()
        )
        s = v
        xs.withUnsafeBufferPointer { input in
            v.withUnsafeMutableBufferPointer { vb in
                d.withUnsafeMutableBufferPointer { db in
                    s.withUnsafeMutableBufferPointer { sb in
                        f.evaluate(input, values: vb, derivatives: db, secondDerivatives: sb)
                    }
                }
            }
        }
        for (i, x) in xs.enumerated() {
            let jet = f.jet(at: x)
            #expect(v[i].bitPattern == jet.value.bitPattern && d[i].bitPattern == jet.derivative.bitPattern)
            #expect(s[i].bitPattern == jet.secondDerivative.bitPattern)
        }
        #expect(f.values(xs) == xs.map { f.value(at: $0) } || xs.contains { f.value(at: $0).isNaN })
    }
}

/// The inverse trigonometric and hyperbolic functions, log2, log10, cbrt and the rounding steps
/// of the formula language, against mpmath (40 digits, its numerical derivatives).
@Suite("Formula functions")
struct FormulaFunctionTests {
    static let references: [(String, Double, Double, Double, Double)] = [
        ("atan(x)", 1.0, 0.7853981633974483, 0.5, -0.5),
        ("atan(x)", -3.5, -1.2924966677897853, 0.07547169811320754, 0.03987184051263795),
        ("atan(x)", 1e-08, 1e-08, 0.9999999999999999, -1.9999999999999997e-08),
        ("asin(x)", 0.5, 0.5235987755982989, 1.1547005383792515, 0.769800358919501),
        ("asin(x)", -0.999, -1.526071239626163, 22.36627204212921, -11177.541655871468),
        ("acos(x)", 0.25, 1.318116071652818, -1.0327955589886446, -0.27541214906363853),
        ("asinh(x)", 1.0, 0.881373587019543, 0.7071067811865476, -0.3535533905932738),
        ("asinh(x)", -40.0, -4.382182848065498, 0.02499219116020307, 0.0006244145199301204),
        ("acosh(x)", 2.0, 1.3169578969248168, 0.5773502691896257, -0.3849001794597505),
        ("acosh(x)", 1.0001, 0.014142017775251545, 70.70891041799418, -353562.22843379714),
        ("atanh(x)", 0.5, 0.5493061443340549, 1.3333333333333333, 1.7777777777777777),
        ("atanh(x)", -0.9, -1.4722194895832204, 5.263157894736843, -49.86149584487537),
        ("log2(x)", 8.0, 3.0, 0.18033688011112042, -0.022542110013890053),
        ("log2(x)", 0.3, -1.7369655941662063, 4.8089834696298785, -16.02994489876626),
        ("log10(x)", 1000.0, 3.0, 0.00043429448190325184, -4.342944819032518e-07),
        ("log10(x)", 2.5, 0.3979400086720376, 0.17371779276130073, -0.0694871171045203),
        ("cbrt(x)", -8.0, -2.0, 0.08333333333333333, 0.006944444444444444),
        ("cbrt(x)", 0.001, 0.1, 33.333333333333336, -22222.222222222223),
        ("erfinv(x)", 0.5, 0.4769362762044699, 1.1125848189719498, 1.1807463499934),
        ("erfinv(x)", 0.999, 2.3267537655135246, 198.93951776442475, 184171.54985278228),
        ("erfinv(x)", -0.3, -0.2724627147267543, 0.9545203588405493, -0.496486526010743),
        ("erfinv(x)", 0.9999999999, 4.572824958544925, 1068953387.1289288, 1.0450380624683858e+19),
        ("hypot(x, 1)", -3, 3.1622776601683795, -0.9486832980505138, 0.0316227766016838),
    ]

    @Test("f within 2 ulps (the C library's), f′ within 4, f″ within 8", arguments: references.indices)
    func againstMpmath(_ i: Int) throws {
        let (text, x, f, d1, d2) = Self.references[i]
        let jet = try Expression(text).activation.jet(at: x)
        #expect(ulpDistance(jet.value, f) <= 2, "\(text) at \(x): f = \(jet.value), mpmath \(f)")
        #expect(ulpDistance(jet.derivative, d1) <= 4, "\(text) at \(x): f′ = \(jet.derivative), mpmath \(d1)")
        #expect(
            ulpDistance(jet.secondDerivative, d2) <= 8,
            "\(text) at \(x): f″ = \(jet.secondDerivative), mpmath \(d2)")
    }

    @Test("round ties to even, as torch and numpy; floor and ceil; all three are steps")
    func rounding() throws {
        let round = try Expression("round(x)").activation
        #expect([0.5, 1.5, 2.5, -0.5, -2.5].map { round.value(at: $0) } == [0, 2, 2, -0.0, -2])
        #expect(try Expression("floor(x)").activation.value(at: -1.5) == -2)
        #expect(try Expression("ceil(x)").activation.value(at: -1.5) == -1)
        #expect(round.jet(at: 1.3).derivative == 0)
    }

    @Test("atan is an activation people type: no longer 'did you mean tan'")
    func atanResolves() throws {
        let f = try Catalog.activation("atan(x)")
        #expect(f.value(at: 1) == Double.pi / 4 && f.jet(at: 1).derivative == 0.5)
    }
}

/// Piecewise formulas: comparisons, `where`, `?:`, `&&`, `||`, `!`, clamp.
@Suite("Piecewise formulas")
struct PiecewiseFormulaTests {
    @Test(
        "where(c, a, b) and c ? a : b take the branch c chooses, at the boundary too",
        arguments: [
            "where(x > 0, x, 0.1*x)", "x > 0 ? x : 0.1*x", "x<=0 ? 0.1*x : x", "!(x > 0) ? 0.1*x : x",
        ])
    func leakyReLU(_ text: String) throws {
        let f = try Catalog.activation(text)
        #expect(f.jet(at: 0) == Jet(value: 0, derivative: 0.1, secondDerivative: 0))
        #expect(f.jet(at: -2) == Jet(value: -0.2, derivative: 0.1, secondDerivative: 0))
        #expect(f.jet(at: 3) == Jet(value: 3, derivative: 1, secondDerivative: 0))
        #expect(f.corners == [0])
        #expect(f.smoothness == .continuous)
    }

    @Test("a step is discontinuous; a comparison it cannot place claims no continuity")
    func smoothness() throws {
        #expect(try Catalog.activation("where(x >= 1, 1, 0)").smoothness == .discontinuous)
        #expect(try Catalog.activation("x*x > 1 ? 1 : x*x").smoothness == .discontinuous)
        #expect(try Catalog.activation("(x > 0)*x").smoothness == .continuous)
    }

    @Test("comparisons, && and || give 1 or 0; NaN conditions give NaN")
    func logic() throws {
        let f = try Catalog.activation("(x > -1 && x < 1) + 2*(x == 3 || x != x) + 4*(x >= 5)")
        #expect([0, -2, 3, 6].map { f.value(at: $0) } == [1, 0, 2, 4])
        #expect(try Catalog.activation("where(x, 1, 2)").value(at: .nan).isNaN)
    }

    @Test("clamp and clip are min(max(u, lo), hi), with min and max's mean at a tie")
    func clamp() throws {
        for name in ["clamp", "clip"] {
            let f = try Catalog.activation("\(name)(x, -1, 2)")
            #expect([-3, 0.5, 5].map { f.value(at: $0) } == [-1, 0.5, 2])
            #expect(f.jet(at: 2).derivative == 0.5)
        }
    }

    @Test(
        "errors say what to write",
        arguments: [
            ("0 < x < 1", "comparisons do not chain"),
            ("x > 0 ? x", "expected ':'"),
            ("where(x > 0, x)", "where takes 3 arguments, where(condition, a, b); got 2"),
            ("clamp(x, 1)", "clamp takes 3 arguments"),
            ("x²", "'²' is not an operator here: write ^2"),
            ("2−x", "write '-'"),
            ("leaky_relu(x, alpha=0.2, alpha=0.3)", "'alpha' is given twice"),
            ("leaky_relu(x, alpha=2^2000)", "'2^2000' is beyond the largest double"),
        ])
    func errors(_ text: String, _ message: String) {
        #expect {
            _ = try Expression(text)
        } throws: { error in
            String(describing: error).contains(message)
        }
    }

    @Test("a parameter's error shows the value as typed")
    func typedValue() {
        #expect {
            _ = try Catalog.activation("leaky_relu:alpha=1e400")
        } throws: { error in
            String(describing: error).contains("got '1e400'")
        }
    }

    @Test("a spec's settings start at the first ':' outside parentheses and every '?:'")
    func settingsColon() throws {
        #expect(try Catalog.activation("leaky_relu:alpha=0.2").value(at: -1) == -0.2)
        #expect(Catalog.isExpression("x>0 ? x : 0.1*x"))
        #expect(Catalog.isExpression("x > 0 ? (x < 2 ? x : 2) : 0"))
        #expect(!Catalog.isExpression("gelu:approximate=tanh"))
    }
}
