import ActivationCore
import Foundation
import TestSupport
import Testing

/// `actplot compare` and the explorer overlays, as users run them.
@Suite("actplot compare")
struct CompareCommandTests {
    @Test("compare gelu with its tanh form: the chart, then max |f − g| = 4.7324e-4 near x = −2.70")
    func geluStatistics() throws {
        let r = try InProcess.run(
            ["compare", "gelu", "gelu:approximate=tanh", "--width", "100", "--height", "24"],
            environment: ["LANG": "C.UTF-8"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.contains("gelu(approximate=tanh) against gelu over -5:5 (10001 points)"))
        let row = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("  f ") })
        let fields = row.split(separator: " ").map(String.init)
        #expect(fields[1] == "0.00047324", "\(row)")
        #expect(abs(abs(Double(fields[2]) ?? 0) - 2.6989) < 1e-4)

        let json = try InProcess.run(["compare", "gelu", "gelu:approximate=tanh", "--json"])
        let object = try #require(try parseJSON(json.stdout) as? [String: Any])
        #expect(object["reference"] as? String == "gelu" && object["samples"] as? Double == 10001)
        let comparison = try #require((object["comparisons"] as? [[String: Any]])?.first)
        let value = try #require(comparison["value"] as? [String: Double])
        #expect(String(format: "%.4e", value["max_abs"] ?? 0) == "4.7324e-04")
        #expect(abs(abs(value["at"] ?? 0) - 2.70) < 0.005)
    }

    @Test("torch.hardsigmoid vs dl4j.hardsigmoid: two panels side by side, the numbers under them")
    func frameworks() throws {
        let r = try InProcess.run(
            ["compare", "torch.hardsigmoid", "dl4j.hardsigmoid", "--width", "100", "--height", "30"],
            environment: ["LANG": "C.UTF-8"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { $0.count <= 100 })
        // Both titles on the first line, two frames on the second.
        #expect(lines[0].contains("torch.Hardsigmoid") && lines[0].contains("dl4j.HardSigmoid"))
        #expect(lines[1].filter { $0 == "┌" }.count == 2)
        #expect(r.stdout.contains("corners at -3, -2.5, 2.5, 3: no convention differences"))
        // Too narrow for two panels side by side: stacked.
        let narrow = try InProcess.run(
            ["compare", "torch.hardsigmoid", "dl4j.hardsigmoid", "--width", "60", "--height", "30"],
            environment: ["LANG": "C.UTF-8"])
        #expect(narrow.stdout.split(separator: "\n").filter { $0.contains("┌") }.count == 2)
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.filter { $0 == "┌" }.count <= 1 })
    }

    @Test("a plateau's place is its stretch, not one point of it; few points are said to be few")
    func plateauAndFewPoints() throws {
        let r = try InProcess.run(["compare", "torch.hardsigmoid", "dl4j.hardsigmoid", "--width", "100"])
        let row = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("  f'") })
        #expect(row.contains("-2.999…-2.501 (+1)"), "\(row)")
        let comparison = ActivationComparison(
            try Catalog.activation("torch.hardsigmoid"), try Catalog.activation("dl4j.hardsigmoid"),
            over: -5...5,
            samples: 10001)
        let plateau = try #require(comparison.derivative.plateau)
        #expect(plateau.lowerBound > -3 && plateau.upperBound < -2.5 && comparison.derivative.plateaus == 2)
        #expect(comparison.value.plateau == nil)
        let json = try InProcess.run(["compare", "torch.hardsigmoid", "dl4j.hardsigmoid", "--json"])
        let document = try #require(try parseJSON(json.stdout) as? [String: Any])
        let first = try #require((document["comparisons"] as? [[String: Any]])?.first)
        let derivative = try #require(first["derivative"] as? [String: Any])
        #expect(
            (derivative["plateau"] as? [Double]) == [-2.999, -2.501]
                && (derivative["plateaus"] as? Double) == 2)
        let few = try InProcess.run(["compare", "relu", "gelu", "--samples", "3", "--width", "100"])
        #expect(few.stdout.contains("only 3 points: the means and the places are rough"))
    }

    @Test("a corner convention difference is named: torch vs jax leaky_relu at 0")
    func conventions() throws {
        let r = try InProcess.run(["compare", "torch.leaky_relu", "jax.leaky_relu", "--width", "90"])
        #expect(
            r.stdout.contains("corner at x = 0: f' = 0.01 vs 1 (left 0.01, right 1) - different conventions"))
    }

    /// The plot frames a row of pixels crosses: the frame's vertical sides are the only runs of
    /// its colour (#595959) across a row through the plot areas.
    static func frames(_ image: DecodedPNG, row y: Int) -> Int {
        var runs = 0
        var inside = false
        for x in 0..<image.width {
            let frame = image.pixel(x, y) == (0x59, 0x59, 0x59)
            if frame && !inside { runs += 1 }
            inside = frame
        }
        return runs / 2
    }

    @Test("side-by-side PNG: one plot frame per function, plus one for --diff; stats to stderr")
    func panels() throws {
        for (arguments, frames) in [
            (["compare", "relu", "gelu", "silu", "--layout", "row"], 3),
            (["compare", "relu", "gelu", "--diff", "--layout", "row"], 3),
            (["relu", "gelu", "--layout", "side-by-side"], 2),
            (["compare", "relu", "gelu", "--layout", "overlay"], 1),
            // The differences never share f's axes: an overlay with --diff is two panels.
            (["compare", "relu", "gelu", "--diff", "--layout", "overlay"], 2),
        ] {
            let r = try InProcess.run(
                arguments + ["--format", "png", "--width", "900", "--height", "400"])
            #expect(r.status == 0)
            #expect(r.stderr.contains("against relu") == (arguments[0] == "compare"), "\(arguments)")
            let image = try #require(DecodedPNG([UInt8](r.stdoutData)))
            // A third of the way down: inside every plot area, legends below or not.
            #expect(Self.frames(image, row: image.height / 3) == frames, "\(arguments)")
        }
    }

    @Test("panels that a row would make narrower than 400 px go to a grid: 2×2 for 3 and 4, 3×2 for 5")
    func grid() throws {
        for (functions, width, columns, rows) in [
            (["relu", "gelu", "silu"], 1000, 2, 2), (["relu", "gelu", "silu"], 1200, 3, 1),
            (["relu", "gelu", "silu", "mish"], 1200, 2, 2),
            (["relu", "gelu", "silu", "mish", "elu"], 1200, 3, 2),
        ] {
            let r = try InProcess.run(
                ["compare"] + functions + ["--format", "png", "--width", "\(width)", "--height", "800"])
            let image = try #require(DecodedPNG([UInt8](r.stdoutData)))
            let band = image.height / rows
            for row in 0..<rows {
                let expected = row < rows - 1 ? columns : functions.count - columns * (rows - 1)
                #expect(Self.frames(image, row: band * row + band / 2) == expected, "\(functions) row \(row)")
            }
        }
        // Asked for: a column of three.
        let r = try InProcess.run(
            ["compare", "relu", "gelu", "silu", "--layout", "column", "--format", "png", "--height", "900"])
        let image = try #require(DecodedPNG([UInt8](r.stdoutData)))
        for row in 0..<3 { #expect(Self.frames(image, row: 300 * row + 150) == 1) }
    }

    @Test("several-function CSV: column groups, and f − g columns with --diff")
    func csv() throws {
        let r = try InProcess.run([
            "compare", "gelu", "gelu:approximate=tanh", "silu", "--format", "csv", "--samples", "11",
            "--diff",
        ])
        #expect(r.status == 0 && r.stderr.contains("against gelu"))
        let (header, rows) = parseCSV(r.stdout)
        #expect(
            header == [
                "x", "gelu", "gelu'", "gelu(approximate=tanh)", "gelu(approximate=tanh)'", "silu", "silu'",
                "gelu - gelu(approximate=tanh)", "gelu' - gelu(approximate=tanh)'", "gelu - silu",
                "gelu' - silu'",
            ])
        #expect(rows.count == 11)
        let (f, g, h) = (
            try Catalog.activation("gelu"), try Catalog.activation("gelu:approximate=tanh"),
            try Catalog.activation("silu")
        )
        for row in rows {
            let x = row[0]
            #expect(row[1] == f.value(at: x) && row[3] == g.value(at: x) && row[6] == h.derivative(at: x))
            #expect(
                row[7] == f.value(at: x) - g.value(at: x)
                    && row[10] == f.derivative(at: x) - h.derivative(at: x))
        }
    }

    @Test("--saturation shades sigmoid's flat tails; --mark prints the point's values")
    func overlays() throws {
        let r = try InProcess.run([
            "sigmoid", "--range", "-12:12", "--saturation", "--format", "png", "--width", "600", "--height",
            "400",
            "--no-derivative",
        ])
        let image = try #require(DecodedPNG([UInt8](r.stdoutData)))
        // |σ′| < 1e-3 for |x| > 6.9: the plot's left and right ends are tinted, its middle white.
        let y = image.height / 2 + 60
        let left = image.pixel(80, y)
        let middle = image.pixel(image.width / 2 - 90, y)
        #expect(left != (255, 255, 255) && left.0 > 200 && left.2 > 200, "\(left)")
        #expect(middle == (255, 255, 255))

        let chart = try InProcess.run(
            [
                "sigmoid", "--range", "-12:12", "--saturation", "--mark", "0", "--width", "80", "--height",
                "20",
            ],
            environment: ["LANG": "C.UTF-8"])
        #expect(chart.stdout.contains("━") && chart.stdout.contains("|f′| < 0.001"))
        #expect(chart.stdout.contains("● sigmoid(0) = 0.5, sigmoid′ = 0.25"))
        #expect(chart.stdout.split(separator: "\n").count == 20)
    }

    @Test("rrelu draws the band between its slopes")
    func rreluBand() throws {
        let r = try InProcess.run(["rrelu", "--format", "svg", "--no-derivative"])
        #expect(r.stdout.contains("rrelu slopes 0.125…0.3333"))
        #expect(r.stdout.contains("fill-opacity=\"0.2\""))
    }

    /// The statistics rows of a text report: label → [max, at, mean, RMS, non-finite].
    static func rows(_ text: String) -> [String: [String]] {
        var rows: [String: [String]] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("  f ") || line.hasPrefix("  f' ") {
            let fields = line.split(separator: " ").map(String.init)
            rows[fields[0]] = Array(fields.dropFirst())
        }
        return rows
    }

    @Test("infinite differences make max, mean and RMS inf; NaN points are counted and left out")
    func nonfinite() throws {
        let pole = try InProcess.run(["compare", "relu", "x/0", "--width", "60", "--height", "12"])
        #expect(pole.status == 0)
        #expect(Self.rows(pole.stdout)["f"] == ["inf", "-5", "inf", "inf", "10001"], "\(pole.stdout)")
        #expect(pole.stdout.contains("x/0: f not finite at 10001 points in -5:5 (1 nan, 10000 inf)"))
        #expect(!pole.stdout.contains("different conventions"))

        let overflow = try InProcess.run(
            ["compare", "relu", "exponential", "--range", "700:720", "--json"])
        let object = try #require(try parseJSON(overflow.stdout) as? [String: Any])
        let comparison = try #require((object["comparisons"] as? [[String: Any]])?.first)
        let value = try #require(comparison["value"] as? [String: Any])
        #expect(value["mean_abs"] as? String == "inf" && value["rms"] as? String == "inf")
        // exp(x) overflows above ln(DBL_MAX) = 709.78: grid points 709.784 … 720 are 5109.
        #expect(value["nonfinite"] as? Double == 5109 && abs((value["at"] as? Double ?? 0) - 709.784) < 1e-6)

        // sqrt: f is NaN left of 0 and finite at 0; the statistics of f are over x ≥ 0.
        let root = try InProcess.run(["compare", "relu", "sqrt(x)", "--width", "60", "--height", "12"])
        let f = try #require(Self.rows(root.stdout)["f"])
        #expect(f[4] == "5000" && f[0] == "2.7639" && f[1] == "5", "\(f)")
        // mean over the 5001 grid points 0, 0.001, …, 5 of |x − √x|, a plain average.
        let xs: [Double] = (0...5000).map { Double($0) / 1000 }
        let mean = xs.map { (x: Double) in abs(x - x.squareRoot()) }.reduce(0, +) / 5001
        #expect(abs((Double(f[2]) ?? 0) - mean) < 1e-4 * mean)
        #expect(root.stdout.contains("sqrt(x): f not finite at 5000 points in -5:-0.001 (5000 nan)"))
        #expect(root.stdout.contains("sqrt(x): f' not finite at 5001 points in -5:0 (5000 nan, 1 inf)"))
    }

    static let bad: [(arguments: [String], mentions: String)] = [
        (["compare", "relu"], "two or more functions"),
        (["compare", "relu", "gleu"], "did you mean 'gelu'"),
        (["relu", "--diff"], "'--diff' needs two or more"),
        (["relu", "--layout", "diagonal"], "overlay, side-by-side, row, column, grid or stacked"),
        (["relu", "--mark", "7"], "outside the range"),
        (["relu", "--mark", "nan"], "finite number"),
        (["relu", "--mark", "1", "--format", "csv"], "not in CSV"),
        (["relu", "gelu", "--json"], "use it with compare or --diff"),
        (["compare", "relu", "gelu", "--json", "--format", "csv"], "'--format csv' has nowhere to go"),
    ]

    @Test("bad compare input: exit 64, one line", arguments: bad)
    func badInput(_ c: (arguments: [String], mentions: String)) throws {
        let r = try InProcess.run(c.arguments)
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("actplot: error: ") && r.stderr.contains(c.mentions), "\(r.stderr)")
    }
}
