import ActivationCore
import Foundation
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
        #expect(Actplot.Eval.packingPoints(arguments) == packed)
    }

    @Test("every option of eval that takes a value is known to the packing, and no flag is")
    func valueOptions() {
        let help = Actplot.Eval.helpMessage(columns: 200)
        let section = help.split(separator: "\n").drop { !$0.hasPrefix("OPTIONS:") }
        let options = section.compactMap { line -> (String, Bool)? in
            let words = line.split(separator: " ")
            guard let first = words.first, first.hasPrefix("--") else { return nil }
            return (
                String(first.split(separator: ",").first ?? first), words.count > 1 && words[1].hasPrefix("<")
            )
        }
        #expect(options.count >= 5)
        for (option, takesValue) in options where option != "--help" && option != "--version" {
            #expect(Actplot.Eval.valueOptions.contains(option) == takesValue, "\(option)")
        }
    }

    @Test("20,000 points on the command line: every row, in order, the library's values")
    func manyArguments() throws {
        let xs = (0..<20_000).map { Double($0) / 64 - 150 }
        let r = try ActplotProcess.run(["eval", "gelu"] + xs.map(DecimalText.shortest) + ["--json"])
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
        let r = try ActplotProcess.run(["eval", "relu"] + (0..<3000).map(String.init) + ["abc", "1"])
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("actplot: error: point 3001 of 3002 'abc' is not a number"))
    }

    @Test("--points-file reads numbers split by spaces, commas and lines, from a file or stdin")
    func pointsFile() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("xs.txt")
        try Data("-1, 0.5\n\t2e0\r\n0x1p-2 inf\n".utf8).write(to: file)
        let r = try ActplotProcess.run(["eval", "relu", "--points-file", file.path])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let xs = r.stdout.split(separator: "\n").dropFirst(2).map {
            $0.split(separator: " ").first.map(String.init)
        }
        #expect(xs == ["-1", "0.5", "2", "0.25", "inf"])
        let piped = try ActplotProcess.run(
            ["-c", "printf '3 4' | \"$ACTPLOT_UNDER_TEST\" eval relu --points-file - --json"],
            environment: ["ACTPLOT_UNDER_TEST": ActplotProcess.executable.path],
            program: URL(fileURLWithPath: "/bin/sh"))
        let o = try #require(try parseJSON(piped.stdout) as? [String: Any])
        #expect((o["points"] as? [[String: Any]])?.compactMap { $0["value"] as? Double } == [3, 4])
    }

    @Test(
        "--points-file's errors: a missing file or a directory exits 1, no points or a bad one 64",
        arguments: [
            ("missing.txt", Int32(1), "cannot read 'missing.txt': No such file or directory"),
            (".", Int32(1), "cannot read '.': Is a directory"),
            ("empty.txt", Int32(64), "'--points-file empty.txt' holds no points"),
            ("bad.txt", Int32(64), "'--points-file' entry 2 of 3 'x' is not a number"),
        ])
    func pointsFileErrors(_ name: String, _ status: Int32, _ message: String) throws {
        let folder = try Folder()
        defer { folder.remove() }
        try Data(" \n".utf8).write(to: folder.url.appendingPathComponent("empty.txt"))
        try Data("1 x 2".utf8).write(to: folder.url.appendingPathComponent("bad.txt"))
        let r = try ActplotProcess.run(["eval", "relu", "--points-file", name], directory: folder.url)
        #expect(r.status == status && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("actplot: error: \(message)"), "\(r.stderr)")
        let both = try ActplotProcess.run(
            ["eval", "relu", "1", "--points-file", "bad.txt"], directory: folder.url)
        #expect(both.status == 64 && both.stderr.contains("one of them"))
    }
}
