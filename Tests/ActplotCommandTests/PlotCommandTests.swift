import ActivationCore
import Foundation
import TestSupport
import Testing

/// The plot command (the default): charts and CSV as users run them, and every bad input.
@Suite("actplot FUNCTION (plot)")
struct PlotCommandTests {
    @Test("actplot relu --range -5:5 draws a chart: negative range unquoted, ends with a newline")
    func chart() throws {
        let r = try InProcess.run(
            ["relu", "--range", "-5:5", "--width", "100", "--height", "30"], environment: ["LANG": "C.UTF-8"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout.hasSuffix("\n") && !r.stdout.contains("\u{1B}"))
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 30)
        #expect(lines.allSatisfy { $0.count <= 100 && !$0.hasSuffix(" ") })
        #expect(lines.first?.trimmingCharacters(in: .whitespaces) == "relu")
        #expect(
            r.stdout.contains("relu′") && r.stdout.contains("⠀") && r.stdout.contains("-5")
                && r.stdout.contains("┤"))
    }

    @Test("--header plain: column names numpy, pandas and R keep as they are")
    func plainHeader() throws {
        let r = try InProcess.run([
            "gelu", "leaky_relu:alpha=0.1", "--samples", "5", "--format", "csv", "--header", "plain",
            "--second-derivative",
        ])
        #expect(r.status == 0)
        let (header, rows) = parseCSV(r.stdout)
        #expect(
            header == [
                "x", "gelu", "gelu_d1", "gelu_d2", "leaky_relu_alpha_0.1", "leaky_relu_alpha_0.1_d1",
                "leaky_relu_alpha_0.1_d2",
            ])
        #expect(rows.count == 5 && rows[0][4] == -0.5)
    }

    @Test("--csv-layout long: function,x,f,df rows, one function after the other")
    func longLayout() throws {
        let r = try InProcess.run([
            "relu", "gelu", "--samples", "3", "--format", "csv", "--csv-layout", "long",
        ])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "function,x,f,df" && lines.count == 7)
        #expect(lines[1] == "relu,-5,0,0" && lines[3] == "relu,5,5,1")
        let gelu = try Catalog.activation("gelu")
        let fields = splitFields(lines[6])
        #expect(
            fields[0] == "gelu" && Double(fields[2]) == gelu.value(at: 5)
                && Double(fields[3]) == gelu.derivative(at: 5))
    }

    @Test("TSV: the CSV's columns separated by tabs, chosen by -o x.tsv")
    func tsv() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actplot-tsv-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.tsv").path
        let r = try InProcess.run(["relu", "gelu", "--samples", "3", "-o", path])
        #expect(r.status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = text.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        #expect(rows[0] == ["x", "relu", "relu'", "gelu", "gelu'"] && rows.count == 4 && rows[3][1] == "5")
    }

    @Test("--no-metadata leaves the command line (and its paths) out of a PNG")
    func noMetadata() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actplot-meta-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (flag, chunks) in [([String](), 1), (["--no-metadata"], 0)] {
            let path = folder.appendingPathComponent("p.png").path
            #expect(try InProcess.run(["relu", "-o", path] + flag).status == 0)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.ranges(of: Data("tEXt".utf8)).count == chunks, "\(flag)")
        }
    }

    @Test("a point marked twice is marked and noted once")
    func repeatedMark() throws {
        let r = try InProcess.run(
            ["relu", "--mark", "1", "--mark", "1.0", "--width", "60", "--height", "12"],
            environment: ["LANG": "C.UTF-8"])
        #expect(r.status == 0)
        #expect(r.stdout.components(separatedBy: "relu(1) = 1").count == 2, "\(r.stdout)")
    }

    @Test("CSV: 101 rows by default, clean x, values equal to the library's")
    func csv() throws {
        let r = try InProcess.run(["gelu", "--format", "csv"])
        #expect(r.status == 0)
        let (header, rows) = parseCSV(r.stdout)
        #expect(header == ["x", "gelu", "gelu'"])
        #expect(rows.count == 101)
        #expect(rows.map { $0[0] } == (0...100).map { Double("\(Decimal(-5) + Decimal($0) / 10)")! })
        let f = try Catalog.activation("gelu")
        for row in rows {
            #expect(row[1] == f.value(at: row[0]) && row[2] == f.derivative(at: row[0]), "x = \(row[0])")
        }
    }

    @Test("CSV with several functions, f″, a quoted name, --step and --precision")
    func csvColumns() throws {
        let r = try InProcess.run([
            "relu", "leaky_relu:alpha=0.2,kink=inclusive", "--second-derivative", "--step", "0.5",
            "--range", "-1:1", "--format", "csv", "--precision", "3",
        ])
        #expect(r.status == 0)
        let (header, rows) = parseCSV(r.stdout)
        #expect(
            header == [
                "x", "relu", "relu'", "relu''", "leaky_relu(alpha=0.2,kink=inclusive)",
                "leaky_relu(alpha=0.2,kink=inclusive)'", "leaky_relu(alpha=0.2,kink=inclusive)''",
            ])
        #expect(rows.map { $0[0] } == [-1, -0.5, 0, 0.5, 1])
        #expect(rows[2] == [0, 0, 0, 0, 0, 1, 0])
        #expect(rows[0][4] == -0.2 && rows[0][5] == 0.2)
        let tanh = try InProcess.run([
            "tanh", "--samples", "3", "--format", "csv", "--precision", "4", "--no-derivative",
        ])
        #expect(tanh.stdout == "x,tanh\n-5,-0.9999\n0,0\n5,0.9999\n")
    }

    @Test(
        "-o writes the file atomically, format from the extension; a failing run leaves an existing file intact"
    )
    func files() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "actplot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("out.csv").path
        let r = try InProcess.run(["relu", "-o", csv])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let written = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(written.hasPrefix("x,relu,relu'\n-5,0,0\n") && written.split(separator: "\n").count == 102)
        let bad = try InProcess.run(["nosuchfunction", "-o", csv])
        #expect(bad.status == 64)
        let badSamples = try InProcess.run(["relu", "--samples", "0", "-o", csv])
        #expect(badSamples.status == 64)
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == written)
        let txt = directory.appendingPathComponent("chart.txt").path
        #expect(try InProcess.run(["relu", "-o", txt, "--width", "50", "--height", "12"]).status == 0)
        #expect(try String(contentsOfFile: txt, encoding: .utf8).split(separator: "\n").count == 12)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasPrefix(".")
        }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        let mentions: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let bad: [Case] = [
        Case(arguments: ["relu", "--range", "5:-5"], status: 64, mentions: "did you mean --range -5:5?"),
        Case(arguments: ["relu", "--range", "1:1"], status: 64, mentions: "is a single point"),
        Case(arguments: ["relu", "--range", "nan:5"], status: 64, mentions: "finite"),
        Case(arguments: ["relu", "--range", "-inf:5"], status: 64, mentions: "finite"),
        Case(arguments: ["relu", "--range", "-5"], status: 64, mentions: "MIN:MAX"),
        Case(arguments: ["relu", "--range", "a:b"], status: 64, mentions: "MIN:MAX"),
        Case(arguments: ["relu", "--samples", "0"], status: 64, mentions: "at least 2"),
        Case(arguments: ["relu", "--samples", "1"], status: 64, mentions: "at least 2"),
        Case(arguments: ["relu", "--samples", "-3"], status: 64, mentions: "at least 2"),
        Case(arguments: ["relu", "--samples", "100000000000"], status: 64, mentions: "at most"),
        Case(arguments: ["relu", "--samples", "99999999999999999999999"], status: 64, mentions: "samples"),
        Case(arguments: ["relu", "--step", "0"], status: 64, mentions: "positive"),
        Case(arguments: ["relu", "--step", "-0.1"], status: 64, mentions: "positive"),
        Case(arguments: ["relu", "--step", "1e-300"], status: 64, mentions: "at most"),
        Case(arguments: ["relu", "--step", "20"], status: 64, mentions: "fewer than 2"),
        Case(arguments: ["relu", "--step", "0.1", "--samples", "5"], status: 64, mentions: "not both"),
        Case(
            arguments: ["relu", "--format", "jpeg"], status: 64,
            mentions: "chart, csv, tsv, png, svg, pdf or tex"),
        Case(arguments: ["relu", "-o", "plot.xyz"], status: 64, mentions: "'.xyz'"),
        Case(arguments: ["relu", "-o", "/nonexistent-dir/x.csv"], status: 1, mentions: "cannot create"),
        Case(arguments: ["relu", "-o", "/tmp"], status: 64, mentions: "is a directory"),
        Case(arguments: ["relu", "-o", "/proc/version.csv"], status: 1, mentions: "cannot create"),
        Case(arguments: ["relu", "--width", "5"], status: 64, mentions: "--width"),
        Case(arguments: ["relu", "--height", "2"], status: 64, mentions: "--height"),
        Case(arguments: ["relu", "--color", "sometimes"], status: 64, mentions: "auto, always or never"),
        Case(arguments: ["relu", "--precision", "40"], status: 64, mentions: "1 to 17"),
        Case(arguments: ["gleu"], status: 64, mentions: "did you mean 'gelu'"),
        Case(arguments: ["relu", "--frobnicate"], status: 64, mentions: "frobnicate"),
    ]

    @Test("bad input: one error line, nothing on stdout, the right status", arguments: bad)
    func badInput(_ c: Case) throws {
        let r = try InProcess.run(c.arguments)
        #expect(r.status == c.status)
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr.hasPrefix("actplot: error: ") && r.stderr.filter { $0 == "\n" }.count == 1, "\(r.stderr)"
        )
        #expect(r.stderr.contains(c.mentions), "\(r.stderr)")
    }

}

@Suite("Extreme ranges")
struct ExtremeRangeTests {
    /// Ranges a few ulps wide, subnormal, near the top of the double line: each format
    /// must answer (no hang, no crash) with a well-formed output.
    static let ranges = [
        "1e307:1.5e307", "0:5e-324", "1:1.0000000000000002", "-1e-320:1e-320",
        "1e15:1.0000000000000002e15", "-3:-2.9999999999999996", "-8.9e307:8.9e307",
    ]

    @Test("every format answers for extreme ranges", arguments: ranges)
    func extreme(_ range: String) throws {
        let chart = try InProcess.run(["relu", "--range", range, "--width", "70", "--height", "14"])
        #expect(chart.status == 0 && chart.stderr.isEmpty, "\(chart.stderr)")
        #expect(chart.stdout.split(separator: "\n").count == 14)
        let csv = try InProcess.run(["relu", "--range", range, "--format", "csv", "--samples", "5"])
        let (header, rows) = parseCSV(csv.stdout)
        #expect(header == ["x", "relu", "relu'"] && rows.count == 5)
        let bounds = range.split(separator: ":", maxSplits: 1).map { Double(String($0))! }
        #expect(rows.first?[0] == bounds[0] && rows.last?[0] == bounds[1])
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0[0] <= $1[0] })
        for format in ["png", "svg"] {
            let r = try InProcess.run([
                "relu", "--range", range, "--format", format, "--width", "300", "--height", "200",
            ])
            #expect(r.status == 0 && r.stderr.isEmpty && r.stdoutData.count > 100, "\(format): \(r.stderr)")
        }
    }

    @Test("a range whose width overflows, and oversized charts, are refused with a reason")
    func refused() throws {
        for arguments in [
            ["relu", "--range", "-1e308:1e308"], ["relu", "--width", "5000"], ["relu", "--height", "900"],
            ["relu", "--width", "20000", "--format", "png"],
        ] {
            let r = try InProcess.run(arguments)
            #expect(
                r.status == 64 && r.stdout.isEmpty && r.stderr.hasPrefix("actplot: error: "), "\(arguments)")
        }
    }
}

/// `--ylim`: the y interval the user chooses, with curves cut at its edges.
@Suite("Plot: --ylim")
struct YLimitTests {
    /// Every coordinate pair of the SVG's curves (its `<path d="M… L…">` elements).
    static func curvePoints(_ svg: String) -> [(x: Double, y: Double)] {
        svg.split(separator: "<path d=\"").dropFirst().flatMap { element -> [(x: Double, y: Double)] in
            let d = element.prefix { $0 != "\"" }
            return d.split(whereSeparator: { $0 == "M" || $0 == "L" }).compactMap { pair in
                let v = pair.split(separator: " ").compactMap { Double($0) }
                return v.count == 2 ? (v[0], v[1]) : nil
            }
        }
    }

    @Test("1/x on [−2, 2] with --ylim −5:5: ticks at ±5, curves inside the frame and reaching both edges")
    func pole() throws {
        let r = try InProcess.run(["1/x", "--range", "-2:2", "--ylim", "-5:5", "--format", "svg"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.contains(">5<") && r.stdout.contains(">−5<") && !r.stdout.contains(">10<"))
        // The frame: its top and bottom edges are the full-width rules in the frame colour.
        let frame = r.stdout.split(separator: "<rect ").filter { $0.contains("fill=\"#595959\"") }
        let ys = frame.compactMap { element -> Double? in
            guard let start = element.range(of: "y=\"") else { return nil }
            return Double(element[start.upperBound...].prefix { $0 != "\"" })
        }
        let (top, bottom) = try (#require(ys.min()), #require(ys.max()))
        let points = Self.curvePoints(r.stdout)
        #expect(points.count > 100)
        #expect(points.allSatisfy { $0.y >= top - 0.5 && $0.y <= bottom + 1.5 }, "a curve leaves the frame")
        // Cut at the edges, not stopped at the last sample inside: 1/x reaches both.
        #expect(points.contains { abs($0.y - top) < 0.01 } && points.contains { abs($0.y - bottom) < 1.01 })
        // Without --ylim the pole takes the range.
        let automatic = try InProcess.run(["1/x", "--range", "-2:2", "--format", "svg"])
        #expect(!automatic.stdout.contains(">−5<"))
    }

    @Test("the terminal chart and side-by-side panels take the same interval")
    func chartAndPanels() throws {
        let chart = try InProcess.run([
            "log(x)", "--range", "-2:4", "--ylim", "-3:3", "--width", "60", "--height", "16",
        ])
        let lines = chart.stdout.split(separator: "\n").map(String.init)
        let labels = lines.compactMap { line -> Double? in
            guard let axis = line.firstIndex(where: { "┤│┌└".contains($0) }) else { return nil }
            return Double(line[..<axis].trimmingCharacters(in: .whitespaces))
        }
        #expect(labels.max() == 3 && labels.min() == -3, "\(labels)")
        let panels = try InProcess.run([
            "gelu", "relu", "--layout", "row", "--ylim", "-1:2", "--format", "svg",
        ])
        #expect(panels.status == 0 && panels.stdout.components(separatedBy: ">−1<").count == 3)
    }
}

/// Families: one function with different parameters is labelled so that each curve can be told.
@Suite("Plot: family labels")
struct FamilyLabelTests {
    @Test("leaky_relu at α = 0.01, 0.1, 0.3: every label names its α, the default included")
    func family() throws {
        let r = try InProcess.run([
            "leaky_relu:alpha=0.01", "leaky_relu:alpha=0.1", "leaky_relu:alpha=0.3", "relu", "--format",
            "csv",
            "--samples", "3",
        ])
        let (header, _) = parseCSV(r.stdout)
        #expect(
            header == [
                "x", "leaky_relu(alpha=0.01)", "leaky_relu(alpha=0.01)'", "leaky_relu(alpha=0.1)",
                "leaky_relu(alpha=0.1)'", "leaky_relu(alpha=0.3)", "leaky_relu(alpha=0.3)'", "relu", "relu'",
            ])
        // A lone function, and a choice at its default, keep their plain names.
        let single = try InProcess.run([
            "leaky_relu", "gelu", "gelu:approximate=tanh", "--format", "csv", "--samples", "2",
        ])
        #expect(
            parseCSV(single.stdout).0 == [
                "x", "leaky_relu", "leaky_relu'", "gelu", "gelu'", "gelu(approximate=tanh)",
                "gelu(approximate=tanh)'",
            ])
        let chart = try InProcess.run([
            "leaky_relu", "leaky_relu:alpha=0.3", "--width", "80", "--height", "20",
        ])
        #expect(
            chart.stdout.contains("leaky_relu(alpha=0.01)") && chart.stdout.contains("leaky_relu(alpha=0.3)"))
    }
}

/// A legend never hides data: where every place inside the plot would cover some, it goes
/// under the plot.
@Suite("Plot: legend placement")
struct LegendPlacementTests {
    @Test(
        "compare torch.hardsigmoid dl4j.hardsigmoid --diff: the differences' legend goes under their panel, and the row's with it"
    )
    func below() throws {
        let r = try InProcess.run([
            "compare", "torch.hardsigmoid", "dl4j.hardsigmoid", "--diff", "--format", "svg",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        // Rectangles as (x, y, width) by fill: legend boxes are white at 85 % opacity, frame rules #595959.
        func rectangles(_ marker: String) -> [(x: Double, y: Double, width: Double)] {
            r.stdout.split(separator: "<rect ").filter { $0.contains(marker) }.map { element in
                func attribute(_ name: String) -> Double {
                    guard let start = element.range(of: "\(name)=\"") else { return .nan }
                    return Double(element[start.upperBound...].prefix { $0 != "\"" }) ?? .nan
                }
                return (attribute("x"), attribute("y"), attribute("width"))
            }
        }
        let boxes = rectangles("fill-opacity=\"0.85\"")
        #expect(boxes.count == 3)
        // The lowest box starts under the frame of the panel above it.
        let low = try #require(boxes.max { $0.y < $1.y })
        let frame = rectangles("fill=\"#595959\"").filter { $0.x >= low.x - 60 && $0.x <= low.x + low.width }
        let frameBottom = try #require(frame.map(\.y).max())
        #expect(low.y > frameBottom, "legend at \(low.y), frame bottom at \(frameBottom)")
        // The panels of the row keep the same room below, so their axes line up: every legend
        // is under its plot, the three at one height.
        #expect(boxes.allSatisfy { $0.y > frameBottom - 1 && $0.y == boxes[0].y }, "\(boxes)")
    }
}

/// `--legend`: the user's choice of where the legend goes.
@Suite("Plot: --legend")
struct LegendOptionTests {
    /// The legend boxes' and the frame rules' top edges in an SVG.
    static func tops(_ svg: String) -> (boxes: [Double], frameBottom: Double) {
        func ys(_ marker: String) -> [Double] {
            svg.split(separator: "<rect ").filter { $0.contains(marker) }.compactMap { element in
                guard let start = element.range(of: "y=\"") else { return nil }
                return Double(element[start.upperBound...].prefix { $0 != "\"" })
            }
        }
        return (ys("fill-opacity=\"0.85\""), ys("fill=\"#595959\"").max() ?? .nan)
    }

    @Test("none, below and inside, in SVG and in the chart; a bad place and CSV are usage errors")
    func placements() throws {
        let none = try InProcess.run(["gelu", "silu", "--legend", "none", "--format", "svg"])
        #expect(none.status == 0 && Self.tops(none.stdout).boxes.isEmpty)
        let below = Self.tops(
            try InProcess.run(["gelu", "silu", "--legend", "below", "--format", "svg"]).stdout)
        #expect(below.boxes.count == 1 && below.boxes[0] > below.frameBottom)
        let inside = Self.tops(
            try InProcess.run([
                "compare", "torch.hardsigmoid", "dl4j.hardsigmoid", "--diff", "--legend", "inside",
                "--format", "svg",
            ]).stdout)
        #expect(inside.boxes.count == 3 && inside.boxes.allSatisfy { $0 < inside.frameBottom })
        let chart = try InProcess.run([
            "gelu", "--legend", "none", "--width", "60", "--height", "12", "--ascii",
        ])
        #expect(!chart.stdout.contains("gelu'") && chart.stdout.contains("gelu"))
        let under = try InProcess.run([
            "gelu", "--legend", "below", "--width", "60", "--height", "12", "--ascii",
        ])
        let last = try #require(under.stdout.split(separator: "\n").last)
        #expect(last.contains("gelu") && last.contains("gelu'"), "\(under.stdout)")
        let bad = try InProcess.run(["gelu", "--legend", "top"])
        #expect(
            bad.status == 64
                && bad.stderr
                    == "actplot: error: '--legend' takes auto, inside, outside, below, upper-left, upper-right, "
                    + "lower-left, lower-right or none, got 'top'\n"
        )
        let csv = try InProcess.run(["gelu", "--legend", "none", "--format", "csv"])
        #expect(
            csv.status == 64
                && csv.stderr.contains("'--legend' applies to terminal charts, PNG, SVG, PDF and pgfplots")
        )
    }
}

/// `--legend` corners and outside, and series names typed with the spec.
@Suite("Plot: legend places and series names")
struct LegendPlaceTests {
    /// The first legend box of an SVG, and the frame's right and bottom edges.
    func layout(_ arguments: [String]) throws -> (box: [Double], right: Double, bottom: Double, svg: String) {
        let run = try InProcess.run(arguments + ["--format", "svg"])
        #expect(run.status == 0, "\(run.stderr)")
        func rectangles(_ marker: String) -> [[Double]] {
            run.stdout.components(separatedBy: "<rect ").dropFirst().filter {
                $0.prefix { $0 != ">" }.contains(marker)
            }
            .map { element in
                ["x", "y", "width", "height"].map { name in
                    Double(
                        element.components(separatedBy: "\(name)=\"").dropFirst().first?.prefix { $0 != "\"" }
                            ?? "") ?? .nan
                }
            }
        }
        let box = try #require(rectangles("fill-opacity=\"0.85\"").first)
        let frame = rectangles("fill=\"#595959\"")
        let right = frame.map { $0[0] + $0[2] }.max() ?? .nan
        let bottom = frame.map { $0[1] + $0[3] }.max() ?? .nan
        return (box, right, bottom, run.stdout)
    }

    @Test("each corner puts the box there; outside puts it right of the frame, inside the image")
    func corners() throws {
        let upperLeft = try layout(["gelu", "--legend", "upper-left"])
        let lowerRight = try layout(["gelu", "--legend", "lower-right"])
        #expect(upperLeft.box[0] < 100 && upperLeft.box[1] < 100)
        #expect(lowerRight.box[0] > 900 && lowerRight.box[1] + lowerRight.box[3] > lowerRight.bottom - 30)
        #expect(lowerRight.box[1] + lowerRight.box[3] < lowerRight.bottom)
        let outside = try layout(["gelu", "silu", "mish", "--legend", "outside"])
        #expect(outside.box[0] > outside.right && outside.box[0] + outside.box[2] <= 1200, "\(outside.box)")
        let chart = try InProcess.run([
            "gelu", "--legend", "lower-right", "--width", "60", "--height", "14", "--ascii",
        ])
        let rows = chart.stdout.split(separator: "\n").map(String.init)
        let entry = try #require(rows.lastIndex { $0.contains("gelu'") })
        #expect(rows[entry + 1].contains("+--") && rows[entry].hasSuffix("gelu' |"), "\(chart.stdout)")
    }

    @Test("a leading NAME= and a label= setting name the curves and the CSV columns; == is a formula")
    func names() throws {
        let csv = try InProcess.run([
            "sGELU=x*sigmoid(1.702*x)", "gelu:label=GELU, erf form", "sp=softplus:beta=1,2", "x==0",
            "--samples", "3", "--format", "csv",
        ])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(
            csv.stdout.hasPrefix(
                "x,sGELU,sGELU',\"GELU, erf form\",\"GELU, erf form'\",sp(beta=1),sp(beta=1)',sp(beta=2),sp(beta=2)',"
                    + "x==0,x==0'\n"), "\(csv.stdout)")
        let svg = try layout(["sGELU=x*sigmoid(1.702*x)", "relu"]).svg
        #expect(svg.contains(">sGELU<") && svg.contains(">sGELU′") && !svg.contains("1.702"))
        let eval = try InProcess.run(["eval", "sG=x*sigmoid(x)", "1"])
        #expect(eval.status == 0 && eval.stdout.contains("0.7310585786300049"), "\(eval.stdout)")
    }
}

/// `--xlabel` and `--ylabel` name the axes of charts and images.
@Suite("Plot: axis names")
struct AxisLabelTests {
    @Test("--xlabel and --ylabel name every function's panel; the differences keep f(x) − g(x)")
    func names() throws {
        let svg = try InProcess.run([
            "gelu", "silu", "--layout", "row", "--diff", "--xlabel", "pre-activation", "--ylabel",
            "output <y>",
            "--format", "svg",
        ])
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.components(separatedBy: ">pre-activation<").count == 4)
        #expect(svg.stdout.components(separatedBy: ">output &lt;y&gt;<").count == 3)
        #expect(svg.stdout.contains(">f(x) − g(x)<") && !svg.stdout.contains(">x<"))
        let chart = try InProcess.run(["relu", "--ylabel", "relu(z)", "--width", "80", "--height", "12"])
        #expect(chart.stdout.split(separator: "\n").contains { $0.hasPrefix("relu(z) ┌") })
        let csv = try InProcess.run(["relu", "--xlabel", "z", "--format", "csv"])
        #expect(
            csv.status == 64
                && csv.stderr.contains("'--xlabel' applies to terminal charts, PNG, SVG, PDF and pgfplots")
        )
    }
}

/// `--show` chooses the curves of figures and the columns of tables.
@Suite("Plot: which series")
struct ShowTests {
    @Test("--show f′ alone: the CSV's f′ column as it is beside f, the SVG's curves and y name")
    func derivativeAlone() throws {
        let both = try InProcess.run(["gelu", "silu", "--samples", "41", "--format", "csv"])
        let alone = try InProcess.run(["gelu", "silu", "--samples", "41", "--show", "f'", "--format", "csv"])
        #expect(alone.status == 0, "\(alone.stderr)")
        let rows = both.stdout.split(separator: "\n").map { $0.split(separator: ",") }
        let shown = alone.stdout.split(separator: "\n").map { $0.split(separator: ",") }
        #expect(shown.first == ["x", "gelu'", "silu'"])
        #expect(shown.count == rows.count && shown.count == 42)
        for (row, kept) in zip(rows, shown).dropFirst() { #expect(kept == [row[0], row[2], row[4]]) }
        let svg = try InProcess.run([
            "gelu", "--show", "f′", "--diff", "silu", "--layout", "row", "--format", "svg",
        ])
        #expect(svg.status == 0, "\(svg.stderr)")
        let texts = svg.stdout.components(separatedBy: "</text>").dropLast().compactMap {
            $0.components(separatedBy: ">").last
        }
        // "gelu" is left only as the panel's title: its legend names gelu′ alone.
        #expect(
            texts.contains("gelu′") && texts.filter { $0 == "gelu" }.count == 1 && texts.contains("f′ − g′"))
        #expect(!texts.contains("f − g"))
        #expect(texts.contains("f′(x)") && texts.contains("f′(x) − g′(x)") && !texts.contains("f(x)"))
    }

    @Test("--show f,f″ in any order; the long layout names its columns; bad lists are usage errors")
    func lists() throws {
        let long = try InProcess.run([
            "relu", "--show", "f'',f", "--samples", "3", "--csv-layout", "long", "--format", "csv",
        ])
        #expect(
            long.stdout.split(separator: "\n") == [
                "function,x,f,d2f", "relu,-5,0,0", "relu,0,0,0", "relu,5,5,0",
            ])
        for (arguments, message) in [
            (["relu", "--show", "g"], "'--show' takes f, f′ and f″ (or f' and f'') separated by commas"),
            (["relu", "--show", ""], "'--show' takes f, f′ and f″"),
            (["relu", "--show", "f'", "--no-derivative"], "give '--show' or '--no-derivative', not both"),
            (
                ["relu", "--show", "f", "--second-derivative"],
                "give '--show' or '--second-derivative', not both"
            ),
            (["relu", "--show", "f'", "--mark", "1"], "'--mark' marks points of f; add f to '--show'"),
        ] {
            let result = try InProcess.run(arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}

/// `--yscale log|symlog` places y by decades.
@Suite("Plot: log and symlog axes")
struct ScaleTests {
    /// The points of the first `<path>` stroked in `colour` in an SVG.
    func path(_ svg: String, colour: String) throws -> [(x: Double, y: Double)] {
        let element = try #require(
            svg.components(separatedBy: "<path d=\"").dropFirst().first {
                $0.contains("stroke=\"\(colour)\"")
            })
        let d = element.prefix { $0 != "\"" }
        return d.split(whereSeparator: { $0 == "M" || $0 == "L" }).compactMap { pair in
            let numbers = pair.split(separator: " ").compactMap { Double($0) }
            return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
        }
    }

    @Test("exp on a log axis is a straight line under decade ticks; on a linear one it is not")
    func logAxis() throws {
        func curve(_ extra: [String]) throws -> (points: [(x: Double, y: Double)], svg: String) {
            let run = try InProcess.run(
                ["exponential", "--range", "0:100", "--no-derivative", "--format", "svg"] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            return (try path(run.stdout, colour: "#0072b2"), run.stdout)
        }
        func worst(_ points: [(x: Double, y: Double)]) -> Double {
            guard let a = points.first, let b = points.last else { return .infinity }
            return points.map { p in abs(a.y + (b.y - a.y) * (p.x - a.x) / (b.x - a.x) - p.y) }.max() ?? 0
        }
        let log = try curve(["--yscale", "log"])
        #expect(log.points.count > 100 && worst(log.points) < 1.5, "\(worst(log.points)) px off the line")
        #expect(log.svg.contains(">1e10<") && log.svg.contains(">1e40<") && !log.svg.contains(">5e43<"))
        let linear = try curve([])
        #expect(worst(linear.points) > 100)
    }

    @Test("y ≤ 0 is left out of a log axis and said so; symlog keeps 0 and both signs")
    func leftOut() throws {
        let chart = try InProcess.run([
            "x", "--range", "-1:1", "--samples", "201", "--no-derivative", "--yscale", "log", "--width", "80",
            "--height", "20", "--ascii",
        ])
        #expect(
            chart.status == 0
                && chart.stdout.contains("x <= 0 at 101 of 201 points, left out of the log axis"))
        let symlog = try InProcess.run([
            "1/x", "--range", "-2:2", "--no-derivative", "--yscale", "symlog", "--linthresh", "0.1",
            "--format",
            "svg",
        ])
        #expect(
            symlog.stdout.contains(">0<") && symlog.stdout.contains(">10<") && symlog.stdout.contains(">−10<")
        )
    }

    @Test("log(x) on a log x axis is a straight line under decade ticks, sampled evenly in log x")
    func logX() throws {
        let run = try InProcess.run([
            "log(x)", "--range", "0.01:100", "--xscale", "log", "--no-derivative", "--format", "svg",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let points = try path(run.stdout, colour: "#0072b2")
        let (a, b) = (try #require(points.first), try #require(points.last))
        let slope = (b.y - a.y) / (b.x - a.x)
        let offsets: [Double] = points.map { p in abs(a.y + slope * (p.x - a.x) - p.y) }
        let worst = offsets.max() ?? .infinity
        #expect(points.count > 100 && worst < 1.0, "\(worst) px off the line")
        // Evenly spaced in pixels: the samples are log-spaced.
        let steps: [Double] = zip(points, points.dropFirst()).map { $1.x - $0.x }
        #expect((steps.max() ?? 0) - (steps.min() ?? 0) < 0.05, "\(steps.min() ?? 0)…\(steps.max() ?? 0)")
        for label in [">0.01<", ">0.1<", ">1<", ">10<", ">100<"] {
            #expect(run.stdout.contains(label), "\(label)")
        }
        let chart = try InProcess.run([
            "softplus", "--range", "1e-3:1e3", "--xscale", "log", "--ascii", "--width", "80",
        ])
        let axis = try #require(chart.stdout.split(separator: "\n").last)
        #expect(axis.contains("0.001") && axis.contains("1000") && axis.contains(" 1 "), "\(axis)")
    }

    @Test("--xlim is --range by another name")
    func xlim() throws {
        let a = try InProcess.run(["gelu", "--xlim", "-2:3", "--samples", "6", "--format", "csv"])
        let b = try InProcess.run(["gelu", "--range", "-2:3", "--samples", "6", "--format", "csv"])
        #expect(a.status == 0 && a.stdout == b.stdout && a.stdout.hasPrefix("x,gelu,gelu'\n-2,"))
    }

    @Test("bad scales, thresholds, limits and themes are usage errors")
    func errors() throws {
        for (arguments, message) in [
            (["relu", "--yscale", "ln"], "'--yscale' takes linear, log or symlog, got 'ln'"),
            (
                ["relu", "--linthresh", "1"],
                "'--linthresh' sets a symlog axis; add --yscale symlog or --xscale symlog"
            ),
            (["relu", "--xscale", "log"], "a log x axis shows only x > 0, but the range -5:5 starts at -5"),
            (["relu", "--xscale", "log", "--range", "1:10", "--step", "0.5"], "'--step' spaces x evenly"),
            (["relu", "--xscale", "lg"], "'--xscale' takes linear, log or symlog, got 'lg'"),
            (
                ["relu", "--xscale", "log", "--range", "1:2", "--format", "csv"],
                "'--xscale' applies to terminal"
            ),
            (["relu", "--yscale", "symlog", "--linthresh", "0"], "'--linthresh' must be a positive number"),
            (["relu", "--yscale", "log", "--ylim", "0:10"], "a log axis shows only y > 0"),
            (
                ["relu", "--yscale", "log", "--format", "csv"],
                "'--yscale' applies to terminal charts, PNG, SVG, PDF and pgfplots"
            ),
        ] {
            let result = try InProcess.run(arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}

/// `--line-width` and `--font-size` set the curves and the text of images.
@Suite("Plot: line width and text size")
struct StyleTests {
    @Test("the curves' stroke width and the tick labels' size follow the options; bad values are refused")
    func sizes() throws {
        let plain = try InProcess.run(["gelu", "--format", "svg"])
        let styled = try InProcess.run([
            "gelu", "--line-width", "4.5", "--font-size", "20", "--format", "svg",
        ])
        #expect(styled.status == 0, "\(styled.stderr)")
        #expect(plain.stdout.contains("stroke=\"#0072b2\" stroke-width=\"2\""))
        #expect(styled.stdout.contains("stroke=\"#0072b2\" stroke-width=\"4.5\""))
        #expect(!styled.stdout.contains("stroke-width=\"2\" stroke-linecap"))
        #expect(plain.stdout.contains("font-size=\"14\"") && !plain.stdout.contains("font-size=\"20\""))
        #expect(styled.stdout.contains("font-size=\"20\"") && !styled.stdout.contains("font-size=\"14\""))
        for (arguments, message) in [
            (["gelu", "--font-size", "8", "-o", "x.svg"], "'--font-size' must be 9 to 48 pixels"),
            (["gelu", "--line-width", "0", "-o", "x.svg"], "'--line-width' must be 0.25 to 20 pixels"),
            (
                ["gelu", "--line-width", "3"],
                "'--line-width' applies to PNG, SVG, PDF and pgfplots, not to a terminal chart"
            ),
        ] {
            let result = try InProcess.run(arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}

/// Family specs on the command line: one curve or column per value.
@Suite("Plot: families")
struct FamilyCommandTests {
    @Test("a list and a range give a column per value, named by it; compare takes a family")
    func family() throws {
        let csv = try InProcess.run([
            "leaky_relu:alpha=0.01,0.1,0.3", "softplus:beta=0.5..2/4", "--samples", "2", "--no-derivative",
            "--format", "csv",
        ])
        #expect(csv.status == 0, "\(csv.stderr)")
        let header = csv.stdout.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) }
        #expect(
            header == [
                "x", "leaky_relu(alpha=0.01)", "leaky_relu(alpha=0.1)", "leaky_relu(alpha=0.3)",
                "softplus(beta=0.5)",
                "softplus(beta=1)", "softplus(beta=1.5)", "softplus(beta=2)",
            ])
        #expect(csv.stdout.split(separator: "\n")[1].hasPrefix("-5,-0.05,-0.5,-1.5,"))
        let compare = try InProcess.run(["compare", "elu:alpha=0.5,1", "--width", "80", "--height", "20"])
        #expect(compare.status == 0 && compare.stdout.contains("elu(alpha=0.5)"), "\(compare.stderr)")
        let big = try InProcess.run(["softplus:beta=1..2/9,threshold=1..2/9"])
        #expect(big.status == 64 && big.stderr.contains("a family of more than 64 functions"))
    }

    @Test("a family is drawn in one colour's ramp, lightest first, with a compact legend and title")
    func ramp() throws {
        let run = try InProcess.run([
            "softplus:beta=0.5..4/8", "--range", "-3:3", "--no-derivative", "--format", "svg",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let colours = run.stdout.components(separatedBy: "<path d=\"").dropFirst().compactMap {
            element -> String? in
            guard let tag = element.components(separatedBy: "/>").first, tag.contains("stroke-width=\"2\""),
                let hex = tag.components(separatedBy: "stroke=\"#").dropFirst().first?.prefix(6)
            else { return nil }
            return String(hex)
        }
        // Eight curves and two legend swatches, the curves in ever darker blues.
        let curves = Array(colours.prefix(8))
        let lightness = curves.compactMap { UInt32($0, radix: 16) }.map {
            ($0 >> 16) + ($0 >> 8 & 0xFF) + ($0 & 0xFF)
        }
        #expect(Set(curves).count == 8 && lightness == lightness.sorted(by: >), "\(curves)")
        #expect(
            curves.allSatisfy { hex in
                (UInt32(hex, radix: 16).map { $0 & 0xFF } ?? 0)
                    >= (UInt32(hex, radix: 16).map { $0 >> 16 } ?? 255)
            })
        #expect(
            run.stdout.contains(">softplus(beta=0.5 … 4)<") && run.stdout.contains(">softplus(beta=0.5)<"))
        #expect(
            run.stdout.contains(">… 6 more, lighter to darker: beta = 0.5 … 4<")
                && !run.stdout.contains(">softplus(beta=2)<"))
    }

    @Test("compare of two families pairs them by value: a panel and a report per pair")
    func paired() throws {
        let json = try InProcess.run([
            "compare", "gelu:approximate=none,tanh", "silu:beta=1.702,1.5", "--json", "-o", "/dev/null",
            "--format", "svg",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        let reports = try #require(try parseJSON(json.stdout) as? [[String: Any]])
        #expect(reports.map { $0["reference"] as? String } == ["gelu", "gelu(approximate=tanh)"])
        let compared = reports.compactMap {
            (($0["comparisons"] as? [[String: Any]])?.first?["function"]) as? String
        }
        #expect(compared == ["silu(beta=1.702)", "silu(beta=1.5)"], "\(compared)")
        let svg = try InProcess.run([
            "compare", "gelu:approximate=none,tanh", "silu:beta=1.702,1.5", "--diff", "--format", "svg",
        ]).stdout
        for text in [">approximate=tanh<", ">differences f − g, pair by pair<", ">f − g, approximate=tanh<"] {
            #expect(svg.contains(text), "\(text)")
        }
        // Families of different sizes are compared against the first function, as before.
        let unpaired = try InProcess.run(["compare", "elu:alpha=1,2", "silu:beta=1,2,3", "--json"])
        let single = try #require(try parseJSON(unpaired.stdout) as? [String: Any])
        #expect((single["comparisons"] as? [Any])?.count == 4)
    }

    @Test("eval and info give a table or a row per member; eval's CSV of a family says how to get one")
    func evalAndInfo() throws {
        let eval = try InProcess.run(["eval", "elu:alpha=0.5,1", "-1", "2"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let blocks = eval.stdout.components(separatedBy: "\n\n")
        #expect(
            blocks.count == 2 && blocks[0].hasPrefix("elu(alpha=0.5)") && blocks[1].hasPrefix("elu(alpha=1)"))
        #expect(blocks[0].contains("-0.3160602794142788") && blocks[1].contains("-0.6321205588285577"))
        let json = try #require(
            try parseJSON(InProcess.run(["eval", "elu:alpha=0.5,1", "-1", "--json"]).stdout) as? [Any])
        let alphas = json.compactMap {
            (($0 as? [String: Any])?["parameters"] as? [String: Any])?["alpha"] as? Double
        }
        #expect(alphas == [0.5, 1])
        let csv = try InProcess.run(["eval", "elu:alpha=0.5,1", "0", "--format", "csv"])
        #expect(
            csv.status == 64
                && csv.stderr.contains("for CSV, plot it: actplot 'elu:alpha=0.5,1' --format csv"))
        let info = try InProcess.run(["info", "leaky_relu:alpha=0.01,0.1,0.3"])
        #expect(info.status == 0, "\(info.stderr)")
        let rows = info.stdout.split(separator: "\n").filter { $0.hasPrefix("leaky_relu(alpha=") }
        #expect(
            rows.count == 3 && rows[0].contains("[-0.05, 5]") && rows[2].contains("[-1.5, 5]"),
            "\(info.stdout)")
        let document = try #require(
            try parseJSON(InProcess.run(["info", "elu:alpha=1,2", "--json"]).stdout) as? [String: Any])
        #expect(
            (document["members"] as? [Any])?.count == 2 && document["family"] as? String == "elu:alpha=1,2")
    }
}

/// `--layout stacked`: a panel per derivative order.
@Suite("Plot: stacked layout")
struct StackedLayoutTests {
    @Test("f, f′ and f″ in panels of their own, every function in each, one title; differences apart")
    func stacked() throws {
        let svg = try InProcess.run([
            "gelu", "silu", "--layout", "stacked", "--second-derivative", "--diff", "--format", "svg",
        ])
        #expect(svg.status == 0, "\(svg.stderr)")
        let texts = svg.stdout.components(separatedBy: "</text>").dropLast().compactMap {
            $0.components(separatedBy: ">").last
        }
        for label in ["f(x)", "f′(x)", "f″(x)", "f(x) − g(x)"] {
            #expect(
                texts.filter { $0 == label }.count == 1, "\(label): \(texts.filter { $0 == label }.count)")
        }
        // In the short f panel gelu lies mostly under silu, and its entry says so.
        for name in ["gelu", "gelu′", "gelu″", "silu″", "f″ − g″"] {
            #expect(texts.contains { $0 == name || $0.hasPrefix(name + " (under ") }, "\(name)")
        }
        #expect(texts.filter { $0 == "gelu, silu" }.count == 1)
        let chart = try InProcess.run([
            "relu", "--layout", "stacked", "--width", "60", "--height", "30", "--ascii",
        ])
        let rows = chart.stdout.split(separator: "\n")
        #expect(
            rows.contains { $0.hasPrefix("f(x) +") } && rows.contains { $0.hasPrefix("f'(x) +") },
            "\(chart.stdout)")
    }
}

/// A curve hidden piece by piece under later ones is drawn first and wider, and says so.
@Suite("Plot: curves under others")
struct CoveredCurveTests {
    /// Each stroked path of an SVG: its colour, width, and whether it is dashed, in drawing order.
    func strokes(_ svg: String) -> [(colour: String, width: Double, dashed: Bool)] {
        svg.components(separatedBy: "<path d=\"").dropFirst().compactMap { element in
            guard let tag = element.components(separatedBy: "/>").first, tag.contains("fill=\"none\""),
                let colour = tag.components(separatedBy: "stroke=\"").dropFirst().first?.prefix(7),
                let width = tag.components(separatedBy: "stroke-width=\"").dropFirst().first?
                    .prefix(while: { $0 != "\"" })
            else { return nil }
            return (String(colour), Double(width) ?? 0, tag.contains("stroke-dasharray"))
        }
    }

    @Test("binary_step lies under relu′: it is drawn first, 2.5 times as wide, and its legend entry says so")
    func binaryStep() throws {
        let run = try InProcess.run(["binary_step", "relu", "hardtanh", "--range", "-3:3", "--format", "svg"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(">binary_step (under relu′)<"), "\(run.stdout)")
        #expect(run.stdout.contains(">hardtanh<") && run.stdout.contains(">hardtanh′<"))
        let curves = strokes(run.stdout).filter { $0.width > 1.9 }
        let step = try #require(curves.firstIndex { $0.colour == "#0072b2" && !$0.dashed })
        let hardtanh = try #require(curves.firstIndex { $0.colour == "#009e73" && !$0.dashed })
        #expect(curves[step].width >= 2.5 * 2 && curves[hardtanh].width == 2)
        #expect(step < hardtanh)
        // Two curves that merely cross are not covered, nor are variants of one function, which
        // meet by design (every elu is x for x > 0).
        let plain = try InProcess.run(["tanh", "sigmoid", "--format", "svg"])
        #expect(!plain.stdout.contains("(under "))
        let variants = try InProcess.run(["elu:alpha=1", "elu:alpha=2", "--format", "svg"])
        #expect(variants.status == 0 && !variants.stdout.contains("(under "), "\(variants.stdout)")
        let overlay = try InProcess.run([
            "compare", "elu:alpha=1,2", "elu:alpha=3,4", "--layout", "overlay", "--diff", "--format", "svg",
        ])
        #expect(overlay.stdout.contains(">differences f − g, pair by pair<"))
    }

    @Test("identical curves share one legend entry, functions and differences alike")
    func merged() throws {
        let texts = { (arguments: [String]) throws -> [String] in
            try InProcess.run(arguments + ["--format", "svg"]).stdout.components(separatedBy: "</text>")
                .dropLast()
                .compactMap { $0.components(separatedBy: ">").last }
        }
        let plain = try texts(["relu", "torch.relu"])
        #expect(plain.contains("relu = torch.ReLU") && !plain.contains("torch.ReLU"), "\(plain)")
        let differences = try texts(["compare", "relu", "torch.relu", "jax.nn.relu", "--diff"])
        #expect(
            differences.contains("f − torch.ReLU = f − jax.relu") && !differences.contains("f − jax.relu"),
            "\(differences)")
    }

    @Test("torch.LeakyReLU′ = 1 for x > 0 lies under keras′, and its legend entry names it")
    func leakyFrameworks() throws {
        let run = try InProcess.run([
            "torch.leaky_relu", "keras.layers.LeakyReLU", "--range", "-3:3", "--format", "svg",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(">torch.LeakyReLU′ (under keras.layers.LeakyReLU′)<"), "\(run.stdout)")
    }
}
