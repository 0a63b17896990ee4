import ActivationCore
import Foundation
import TestSupport
import Testing

/// Typed formulas wherever a FUNCTION goes.
@Suite("Expressions on the command line")
struct ExpressionCommandTests {
    @Test("eval and CSV: the expression text names the columns; values equal the library's")
    func evalAndCSV() throws {
        let text = "x*tanh(log1p(exp(x)))"
        let r = try InProcess.run(["eval", text, "-1", "0", "2", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try parseJSON(r.stdout) as? [String: Any])
        #expect(object["function"] as? String == text)
        let points = try #require(object["points"] as? [[String: Double]])
        let e = try Expression(text)
        for point in points {
            let x = point["x"] ?? .nan
            #expect(point["value"] == e.value(at: x) && point["derivative"] == e.jet(at: x).derivative)
        }
        let csv = try InProcess.run([
            text, "gelu", "--format", "csv", "--samples", "5", "--second-derivative",
        ])
        let (header, rows) = parseCSV(csv.stdout)
        #expect(header == ["x", text, text + "'", text + "''", "gelu", "gelu'", "gelu''"])
        #expect(
            rows.count == 5
                && rows.allSatisfy {
                    $0[1] == e.value(at: $0[0]) && $0[3] == e.jet(at: $0[0]).secondDerivative
                })
    }

    @Test("actplot 'x*tanh(log1p(exp(x)))' gelu -o mine.png: your Mish beside GELU")
    func png() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "actplot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("mine.png").path
        let r = try InProcess.run(["x*tanh(log1p(exp(x)))", "gelu", "-o", path])
        #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.isEmpty)
        let image = try #require(DecodedPNG([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
        #expect(image.width == 1200 && image.height == 800)
        // Both Okabe–Ito colours of the two functions are drawn.
        var colours = Set<Int>()
        for y in stride(from: 0, to: image.height, by: 2) {
            for x in stride(from: 0, to: image.width, by: 2) {
                let p = image.pixel(x, y)
                colours.insert(p.0 << 16 | p.1 << 8 | p.2)
            }
        }
        #expect(colours.contains(0x0072B2) && colours.contains(0xD55E00))
    }

    @Test("a malformed expression: one error line, then the expression and a caret under the problem")
    func caret() throws {
        let r = try InProcess.run(["eval", "x*(1+x", "1"])
        #expect(r.status == 64 && r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[0] == "actplot: error: expected ')' to close the '(' at column 3")
        #expect(lines[1] == "  x*(1+x" && lines[2] == "        ^")
        #expect(r.stderr.split(separator: "\n").filter { $0.hasPrefix("actplot: error:") }.count == 1)
    }

    @Test("domain errors are gaps, not failures; info describes an expression; compare takes one")
    func domainInfoCompare() throws {
        let chart = try InProcess.run(
            ["log(x)", "--width", "60", "--height", "14"], environment: ["LANG": "C.UTF-8"])
        #expect(chart.status == 0 && chart.stdout.split(separator: "\n").count == 14)
        let info = try InProcess.run(["info", "x*sigmoid(x)", "--json"])
        let object = try #require(try parseJSON(info.stdout) as? [String: Any])
        #expect(object["family"] as? String == "expression")
        let compare = try InProcess.run(["compare", "silu", "x*sigmoid(x)", "--json"])
        let comparisons = try #require(
            (try parseJSON(compare.stdout) as? [String: Any])?["comparisons"] as? [[String: Any]])
        let value = try #require(comparisons.first?["value"] as? [String: Double])
        #expect((value["max_abs"] ?? 1) < 1e-14)
    }

    @Test("max and min split the derivative evenly at a tie, whichever way round they are written")
    func ties() throws {
        for formula in ["max(x, 0)", "max(0, x)", "min(x, 0)", "min(0, x)"] {
            let r = try InProcess.run(["eval", formula, "0", "--json"])
            let points = try #require(
                (try parseJSON(r.stdout) as? [String: Any])?["points"] as? [[String: Double]])
            #expect(points.first?["value"] == 0 && points.first?["derivative"] == 0.5, "\(formula)")
        }
    }

    @Test("a formula may start with '-': -x^2 is -(x^2), not an option")
    func leadingMinus() throws {
        let r = try InProcess.run(["eval", "-x^2", "3", "-0.5", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let points = try #require(
            (try parseJSON(r.stdout) as? [String: Any])?["points"] as? [[String: Double]])
        #expect(points.map { $0["value"] } == [-9, -0.25] && points.map { $0["derivative"] } == [-6, 1])
        let csv = try InProcess.run([
            "-exp(x)+1", "--format", "csv", "--samples", "3", "--range", "-1:1",
        ])
        #expect(parseCSV(csv.stdout).header == ["x", "-exp(x)+1", "-exp(x)+1'"])
    }

    @Test("info finds the limits of a formula that is ∞/∞ at ±∞")
    func limits() throws {
        let r = try InProcess.run(["info", "x/sqrt(1+x^2)", "--json"])
        let properties = try #require(
            (try parseJSON(r.stdout) as? [String: Any])?["properties"] as? [String: Any])
        #expect(properties["limit_negative_infinity"] as? Double == -1)
        #expect(properties["limit_positive_infinity"] as? Double == 1)
    }
}
