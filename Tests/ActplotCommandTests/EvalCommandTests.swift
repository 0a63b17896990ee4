import ActivationCore
import Foundation
import TestSupport
import Testing

/// `actplot eval`, `list` and `info` as a user runs them.
@Suite("actplot eval, list, info")
struct CommandTests {
    @Test(
        "eval gelu -1 0 1: negative numbers unquoted, full precision, values from high-precision references")
    func evalTable() throws {
        let r = try InProcess.run(["eval", "gelu", "-1", "0", "1"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let rows = r.stdout.split(separator: "\n").dropFirst(2).map {
            $0.split(separator: " ").compactMap { Double($0) }
        }
        #expect(rows.count == 3)
        // mpmath at 40 digits: gelu(−1), gelu′(−1), gelu″(−1), gelu(1); gelu′(0) = 1/2, gelu″(0) = √(2/π).
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 2 * abs(b).ulp }
        #expect(rows[0][0] == -1 && close(rows[0][1], -0.15865525393145705))
        #expect(close(rows[0][2], -0.0833154705876863) && close(rows[0][3], 0.24197072451914334))
        #expect(rows[1][1] == 0 && rows[1][2] == 0.5)
        #expect(abs(rows[1][3] - 0.7978845608028654) <= 0.7978845608028654.ulp)
        #expect(abs(rows[2][1] - 0.8413447460685429) <= 2 * 0.8413447460685429.ulp)
        #expect(r.stdout.hasSuffix("\n") && !r.stdout.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    @Test("eval --json follows the documented schema; inputs in any float syntax; inf as a string")
    func evalJSON() throws {
        let r = try InProcess.run([
            "eval", "exponential", "0x1p-10", "1e-300", "-744.5", "1000", "--json",
        ])
        #expect(r.status == 0)
        let object = try #require(try parseJSON(r.stdout) as? [String: Any])
        #expect(object["function"] as? String == "exponential")
        #expect((object["parameters"] as? [String: Any])?.isEmpty == true)
        let points = try #require(object["points"] as? [[String: Any]])
        #expect(points.map { $0["x"] as? Double } == [0x1p-10, 1e-300, -744.5, 1000])
        #expect(points[3]["value"] as? String == "inf")
        #expect(points[2]["value"] as? Double == 5e-324)
        for point in points { #expect(Set(point.keys) == ["x", "value", "derivative", "second_derivative"]) }
        let json = try InProcess.run(["eval", "leaky_relu:alpha=0.2", "-2", "--json"])
        let o = try #require(try parseJSON(json.stdout) as? [String: Any])
        #expect((o["parameters"] as? [String: Any])?["alpha"] as? Double == 0.2)
        #expect(o["kink"] as? String == "exclusive")
        #expect(((o["points"] as? [[String: Any]])?.first?["value"] as? Double) == -0.4)
    }

    /// Whether a JSON number, or the string JSON gives a non-finite one ("nan", "inf", "-inf"),
    /// is `expected` (NaN matching NaN).
    static func same(_ json: Any?, _ expected: Double) -> Bool {
        if let number = json as? Double { return number == expected }
        guard let text = json as? String else { return false }
        switch text {
        case "nan": return expected.isNaN
        case "inf": return expected == .infinity
        case "-inf": return expected == -.infinity
        default: return false
        }
    }

    @Test("eval matches the library bit for bit for every function")
    func evalMatchesLibrary() throws {
        let xs = [-700.5, -3, -0.75, 0, 1e-8, 2.5, 40]
        for entry in Catalog.all {
            let r = try InProcess.run(["eval", entry.name, "--json"] + xs.map { "\($0)" })
            let points = try #require(
                (try parseJSON(r.stdout) as? [String: Any])?["points"] as? [[String: Any]])
            let f = try Catalog.activation(entry.name)
            for (x, point) in zip(xs, points) {
                let jet = f.jet(at: x)
                #expect(Self.same(point["value"], jet.value), "\(entry.name)(\(x))")
                #expect(Self.same(point["derivative"], jet.derivative), "\(entry.name)′(\(x))")
            }
        }
    }

    @Test("eval --precision rounds to N significant digits")
    func precision() throws {
        let r = try InProcess.run(["eval", "sigmoid", "1", "--precision", "4", "--json"])
        let points = try #require((try parseJSON(r.stdout) as? [String: Any])?["points"] as? [[String: Any]])
        #expect(points[0]["value"] as? Double == 0.7311)
    }

    @Test("eval softmax --vector prints the output and the Jacobian")
    func vector() throws {
        let r = try InProcess.run(["eval", "softmax", "--vector", "-1,2,3", "--json"])
        #expect(r.status == 0)
        let o = try #require(try parseJSON(r.stdout) as? [String: Any])
        let output = try #require(o["output"] as? [Double])
        #expect(abs(output.reduce(0, +) - 1) < 1e-15)
        let jacobian = try #require(o["jacobian"] as? [[Double]])
        #expect(jacobian.count == 3 && jacobian.allSatisfy { $0.count == 3 })
        #expect(abs(jacobian[0][0] - output[0] * (1 - output[0])) < 1e-16)
        let text = try InProcess.run(["eval", "glu", "--vector", "1,2,3,4"])
        #expect(text.status == 0 && text.stdout.contains("Jacobian"))
    }

    @Test("list: the catalog, and --framework dl4j lists DL4J's 22 activations")
    func list() throws {
        let r = try InProcess.run(["list"])
        #expect(r.status == 0)
        for entry in Catalog.all { #expect(r.stdout.contains(entry.name + " ")) }
        let dl4j = try InProcess.run(["list", "--framework", "dl4j", "--json"])
        let o = try #require(try parseJSON(dl4j.stdout) as? [String: Any])
        let activations = try #require(o["activations"] as? [[String: Any]])
        #expect(activations.count == 22)
        #expect(activations.contains { $0["name"] as? String == "dl4j.HardSigmoid" })
        let prelu = try #require(activations.first { $0["name"] as? String == "dl4j.PReLU" })
        #expect(prelu["spellings"] as? [String: String] == ["class": "ActivationPReLU"])
        let torch = try InProcess.run(["list", "--framework", "PyTorch"])
        #expect(torch.status == 0 && torch.stdout.contains("torch.LeakyReLU"))
    }

    @Test("info gelu: formula, frameworks, measured properties")
    func info() throws {
        let r = try InProcess.run(["info", "gelu", "--json"])
        #expect(r.status == 0)
        let o = try #require(try parseJSON(r.stdout) as? [String: Any])
        let p = try #require(o["properties"] as? [String: Any])
        #expect(p["monotonicity"] as? String == "non-monotonic")
        #expect(p["derivative_at_0"] as? Double == 0.5)
        let stationary = try #require(p["stationary_points"] as? [Double])
        #expect(stationary.count == 1 && abs(stationary[0] + 0.7517915246935645) < 1e-9)
        let frameworks = try #require(o["frameworks"] as? [[String: Any]])
        #expect(frameworks.contains { $0["name"] as? String == "jax.gelu" })
        let text = try InProcess.run(["info", "tanh", "--range", "-10:10"])
        #expect(text.stdout.contains("[-10, -4.") && text.stdout.contains("zero-centred   yes"))
    }

    /// A formula's expected flat zones (|f′| < 1e-3), zeros of f′ with their kinds, and limits line.
    struct Landscape: Sendable, CustomTestStringConvertible {
        let formula: String
        let flat: [ClosedRange<Double>]
        let stationary: [(x: Double, kind: String)]
        let limits: String
        var testDescription: String { formula }
    }

    static let landscapes: [Landscape] = {
        let (s, c) = (asin(1e-3), Double.pi / 2)
        let around = { (x: Double, w: Double) in (x - w)...(x + w) }
        return [
            Landscape(
                formula: "sin(x)", flat: [-3 * c, -c, c, 3 * c].map { around($0, s) },
                stationary: [(-3 * c, "maximum"), (-c, "minimum"), (c, "maximum"), (3 * c, "minimum")],
                limits: "no limit at −∞, no limit at +∞"),
            Landscape(
                formula: "cos(x)", flat: [-2 * c, 0, 2 * c].map { around($0, s) },
                stationary: [(-2 * c, "minimum"), (0, "maximum"), (2 * c, "minimum")],
                limits: "no limit at −∞, no limit at +∞"),
            Landscape(
                formula: "x^2", flat: [around(0, 5e-4)], stationary: [(0, "minimum")],
                limits: "f(−∞) = +∞, f(+∞) = +∞"),
            Landscape(
                formula: "1000*x^2", flat: [around(0, 5e-7)], stationary: [(0, "minimum")],
                limits: "f(−∞) = +∞, f(+∞) = +∞"),
            Landscape(
                formula: "x^3", flat: [around(0, (1e-3 / 3).squareRoot())], stationary: [(0, "inflection")],
                limits: "f(−∞) = −∞, f(+∞) = +∞"),
            Landscape(
                formula: "abs(x)", flat: [], stationary: [(0, "minimum (corner)")],
                limits: "f(−∞) = +∞, f(+∞) = +∞"),
            Landscape(formula: "log(x)", flat: [], stationary: [], limits: "f is nan towards −∞, f(+∞) = +∞"),
        ]
    }()

    @Test(
        "info finds a flat zone around every zero of f′, prints 0 as 0, and says where no limit is",
        arguments: landscapes)
    func landscape(_ l: Landscape) throws {
        let r = try InProcess.run(["info", l.formula, "--json"])
        let p = try #require((try parseJSON(r.stdout) as? [String: Any])?["properties"] as? [String: Any])
        let flat = try #require(p["flat_intervals"] as? [[Double]])
        #expect(flat.count == l.flat.count, "\(flat)")
        for (found, expected) in zip(flat, l.flat) {
            #expect(abs(found[0] - expected.lowerBound) < 1e-8 && abs(found[1] - expected.upperBound) < 1e-8)
        }
        let points = try #require(p["stationary_points"] as? [Double])
        let kinds = try #require(p["stationary_kinds"] as? [String])
        #expect(points.count == l.stationary.count && kinds == l.stationary.map(\.kind), "\(points) \(kinds)")
        for (found, expected) in zip(points, l.stationary) {
            #expect(expected.x == 0 ? found == 0 : abs(found - expected.x) < 1e-12, "\(found)")
        }
        let text = try InProcess.run(["info", l.formula], environment: ["LANG": "C.UTF-8"])
        #expect(text.stdout.contains("limits         " + l.limits), "\(text.stdout)")
        #expect(!text.stdout.contains("nowhere") || l.flat.isEmpty)
    }

    @Test(
        "outside a UTF-8 locale every text output is ASCII, its columns still aligned",
        arguments: [
            ["info", "selu"], ["info", "nalu"], ["info", "sin(x)"], ["eval", "softmax", "--vector", "1,2"],
            ["list"], ["list", "--framework", "torch"], ["compare", "relu", "x/0", "--width", "60"],
            ["eval", "nosuch", "1"], ["eval", "gelu", "-1", "inf"], ["eval", "--help"], ["plot", "--help"],
        ])
    func asciiLocale(_ arguments: [String]) throws {
        let r = try InProcess.run(arguments, environment: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""])
        #expect((r.stdout + r.stderr).utf8.allSatisfy { $0 < 0x80 }, "\(r.stdout)\(r.stderr)")
        #expect(!(r.stdout + r.stderr).contains("?"), "\(r.stdout)")
        let utf8 = try InProcess.run(
            arguments, environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": ""])
        if arguments.first == "info" {
            #expect(utf8.stdout.contains("′") && r.stdout.contains("f'(0) = "))
        }
        // The same table: every line as long, in characters, in both.
        let lengths = { (t: String) in t.split(separator: "\n").map(\.count) }
        if arguments.first == "list" || arguments.first == "info" {
            #expect(lengths(r.stdout).count == lengths(utf8.stdout).count)
        }
    }

    @Test("--version and --help exit 0")
    func helpAndVersion() throws {
        let v = try InProcess.run(["--version"])
        #expect(
            v.status == 0 && v.stdout.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
        let h = try InProcess.run(["eval", "--help"])
        #expect(h.status == 0 && h.stdout.contains("actplot eval gelu -1 0 1"))
    }
}
