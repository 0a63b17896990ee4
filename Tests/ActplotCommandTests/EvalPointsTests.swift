import ActivationCore
import Foundation
import TestSupport
import Testing

@testable import ActplotCommand

/// eval over many points: on the command line (packed past the argument parser) and from a file.
@Suite("eval over many points")
struct EvalPointsTests {
    @Test(
        "points are packed into one argument; the function, options and their values stay in place",
        arguments: [
            (["eval", "gelu", "-1", "0", "1"], ["eval", "gelu", "-1\u{0}0\u{0}1"]),
            (
                ["eval", "--precision", "3", "gelu", "1", "--json", "-2"],
                ["eval", "--precision", "3", "gelu", "1\u{0}-2", "--json"]
            ),
            (["eval", "softmax", "--others", "1,2", "3"], ["eval", "softmax", "--others", "1,2", "3"]),
            (["eval", "relu", "-- ", "--", "-1"], ["eval", "relu", "-- ", "--", "-1"]),
            (["eval", "relu", "1", "--jsn", "-x"], ["eval", "relu", "1", "--jsn", "-x"]),
            (["plot", "relu", "1", "2"], ["plot", "relu", "1", "2"]),
        ])
    func packing(_ arguments: [String], _ packed: [String]) {
        #expect(PointSource.packing(arguments) == packed)
    }

    @Test("every option of eval that takes a value is known to the packing, and no flag is")
    func valueOptions() {
        let help = Actplot.Eval.helpMessage(columns: 200)
        let section = help.split(separator: "\n").drop { !$0.hasPrefix("OPTIONS:") }
        let options = section.compactMap { line -> (String, Bool)? in
            let words = line.split(separator: " ")
            guard let first = words.first, first.hasPrefix("--") else { return nil }
            // `--points, --points-file <FILE>`: the value, if any, follows every spelling.
            return (String(first.split(separator: ",").first ?? first), words.contains { $0.hasPrefix("<") })
        }
        #expect(options.count >= 5)
        for (option, takesValue) in options where option != "--help" && option != "--version" {
            #expect(PointSource.valueOptions.contains(option) == takesValue, "\(option)")
        }
    }

    @Test("20,000 points on the command line: every row, in order, the library's values")
    func manyArguments() throws {
        let xs = (0..<20_000).map { Double($0) / 64 - 150 }
        let r = try InProcess.run(["eval", "gelu"] + xs.map(DecimalText.shortest) + ["--json"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let o = try #require(try parseJSON(r.stdout) as? [String: Any])
        let points = try #require(o["points"] as? [[String: Any]])
        #expect(points.count == xs.count)
        let gelu = try Catalog.activation("gelu")
        for i in stride(from: 0, to: xs.count, by: 997) {
            #expect(points[i]["x"] as? Double == xs[i])
            #expect(points[i]["derivative"] as? Double == gelu.derivative(at: xs[i]))
        }
    }

    @Test("a bad point among thousands is named by its position")
    func badPointPosition() throws {
        let r = try InProcess.run(["eval", "relu"] + (0..<3000).map(String.init) + ["abc", "1"])
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("actplot: error: point 3001 of 3002 'abc' is not a number"))
    }

    @Test("a point '-' reads standard input: the aligned table when it is short")
    func dashReadsStandardInput() throws {
        let r = try InProcess.run(["eval", "gelu", "-"], input: "1 2\n3\n")
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let typed = try InProcess.run(["eval", "gelu", "1", "2", "3"])
        #expect(r.stdout == typed.stdout)
    }

    /// 100,000 points over [-50, 50], one per line, with a few on shared lines and commas.
    static let manyPoints: [Double] = (0..<100_000).map { Double($0) / 1000 - 50 }
    static var manyPointsText: String {
        manyPoints.enumerated().map { i, x in DecimalText.shortest(x) + (i % 7 == 0 ? ", " : "\n") }.joined()
    }

    @Test("100,000 points streamed from stdin as a table, CSV, JSON lines and JSON: every row, in order")
    func streamed() throws {
        let gelu = try Catalog.activation("gelu")
        let input = Self.manyPointsText
        let table = try InProcess.run(["eval", "gelu", "-"], input: input)
        #expect(table.status == 0 && table.stderr.isEmpty, "\(table.stderr)")
        let rows = table.stdout.split(separator: "\n").dropFirst(2)
        #expect(rows.count == Self.manyPoints.count)
        // Streamed columns have one width, so every row is as long as the header.
        let header = table.stdout.split(separator: "\n")[1]
        #expect(rows.allSatisfy { $0.count == header.count })
        let csv = try InProcess.run(["eval", "gelu", "--points", "-", "--format", "csv"], input: input)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "x,gelu,gelu',gelu''" && lines.count == Self.manyPoints.count + 1)
        for i in stride(from: 0, to: Self.manyPoints.count, by: 4999) {
            let fields = lines[i + 1].split(separator: ",").map { Double($0) }
            let x = Self.manyPoints[i]
            #expect(fields == [x, gelu.value(at: x), gelu.derivative(at: x), gelu.secondDerivative(at: x)])
            let cells = rows[rows.startIndex + i].split(separator: " ").map { Double($0) }
            #expect(cells == fields, "row \(i)")
        }
        let jsonl = try InProcess.run(["eval", "gelu", "-", "--format", "jsonl"], input: input)
        let objects = try jsonl.stdout.split(separator: "\n").map {
            try parseJSON(String($0)) as? [String: Double]
        }
        #expect(objects.count == Self.manyPoints.count && objects[12345]?["x"] == Self.manyPoints[12345])
        let json = try InProcess.run(["eval", "gelu", "-", "--json"], input: input)
        let whole = try #require(try parseJSON(json.stdout) as? [String: Any])
        let points = try #require(whole["points"] as? [[String: Double]])
        #expect(whole["function"] as? String == "gelu" && points.count == Self.manyPoints.count)
        #expect(points[99_999]["derivative"] == gelu.derivative(at: Self.manyPoints[99_999]))
    }

    @Test("a bad token deep in a stream is named by line and column; the output so far stays")
    func badTokenInStream() throws {
        let input = (0..<50_000).map { "\($0)" }.joined(separator: "\n") + "\n7 1.5.2 8\n"
        let r = try InProcess.run(["eval", "relu", "-", "--format", "csv"], input: input)
        #expect(r.status == 64)
        #expect(
            r.stderr == "actplot: error: '1.5.2' at line 50001, column 3 of standard input is not a number "
                + "(examples: -1, 0.5, 1e-3, 0x1p-10, inf)\n", "\(r.stderr)")
        #expect(r.stdout.hasPrefix("x,relu,relu',relu''\n0,0,0,0\n"))
    }
}
