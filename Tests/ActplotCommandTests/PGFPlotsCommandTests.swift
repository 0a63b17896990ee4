import Foundation
import TestSupport
import Testing

/// `-o plot.tex`: a pgfplots picture of actplot's own coordinates, checked for structure
/// everywhere, and compiled by pdfLaTeX where TeX is installed (`make test` installs it).
@Suite("pgfplots")
struct PGFPlotsCommandTests {
    /// The rows of each `\addplot table` in the file, in order.
    func tables(_ tex: String) -> [[(x: String, y: String)]] {
        tex.components(separatedBy: "table[row sep=\\\\] {\nx y\\\\\n").dropFirst().map { body in
            body.components(separatedBy: "};").first?.split(separator: "\n").compactMap { row in
                let fields = row.dropLast(2).split(separator: " ")
                return fields.count == 2 ? (String(fields[0]), String(fields[1])) : nil
            } ?? []
        }
    }

    @Test("an axis of 400 exact coordinates a curve, the palette defined, labels, limits and legend")
    func structure() throws {
        let run = try InProcess.run(["gelu", "silu", "--format", "tex"])
        #expect(run.status == 0, "\(run.stderr)")
        let tex = run.stdout
        #expect(
            tex.contains("\\begin{tikzpicture}\n") && tex.contains("\\begin{axis}[\n")
                && tex.hasSuffix("\\end{tikzpicture}\n"))
        #expect(tex.contains("\\definecolor{actplotA}{HTML}{0072B2}") && tex.contains("compat=1.18"))
        #expect(tex.contains("unbounded coords=jump") && tex.contains("xmin=-5") && tex.contains("xmax=5"))
        #expect(
            tex.contains("\\addlegendentry{gelu}") && tex.contains("\\addlegendentry{silu$'$}")
                && tex.contains("ylabel={f(x)}"))
        #expect(!tex.contains("\\documentclass"))
        let curves = tables(tex)
        #expect(curves.count == 4 && curves.allSatisfy { $0.count == 400 }, "\(curves.map(\.count))")
        // The coordinates are the CSV's, digit for digit.
        let csv = parseCSV(try InProcess.run(["gelu", "--samples", "400", "--format", "csv"]).stdout)
        let gelu = try #require(curves.first { $0.count == 400 && $0[399].y == "4.999998566742141" })
        for (row, point) in zip(csv.rows, gelu) {
            #expect(Double(point.x) == row[0] && Double(point.y) == row[1], "\(point) against \(row)")
        }
    }

    @Test("a jump is a nan row; log axes, limits and a symlog axis's labelled ticks; --samples sets the rows")
    func jumpsAndScales() throws {
        let step = try InProcess.run([
            "binary_step", "--no-derivative", "--format", "tex", "--samples", "101",
        ])
        let rows = try #require(tables(step.stdout).first)
        #expect(rows.contains { $0.y == "nan" } && rows.count > 101, "\(rows.count)")
        let log = try InProcess.run([
            "exponential", "--range", "-5:100", "--yscale", "log", "--format", "tex",
        ])
        #expect(log.stdout.contains("ymode=log") && log.stdout.contains("ymin=0.00"), "\(log.stderr)")
        let logx = try InProcess.run([
            "softplus", "--range", "0.01:100", "--xscale", "log", "--format", "tex",
        ])
        #expect(
            logx.stdout.contains("xmode=log") && logx.stdout.contains("xmin=0.01")
                && logx.stdout.contains("xmax=100"))
        let symlog = try InProcess.run([
            "1/x", "--range", "-2:2", "--yscale", "symlog", "--linthresh", "0.1", "--format", "tex",
        ])
        #expect(symlog.stdout.contains("yticklabels={{$-$10},") || symlog.stdout.contains("yticklabels={"))
        let limited = try InProcess.run(["1/x", "--range", "-2:2", "--ylim", "-5:5", "--format", "tex"])
        let values = tables(limited.stdout).flatMap { $0 }.compactMap { Double($0.y) }.filter(\.isFinite)
        #expect(!values.isEmpty && values.allSatisfy { abs($0) <= 5 }, "a value beyond --ylim was written")
        #expect(limited.stdout.contains("ymin=-5") && limited.stdout.contains("ymax=5"))
    }

    @Test("--standalone is a document; --standalone or --theme where they do not apply is a usage error")
    func options() throws {
        let document = try InProcess.run(["relu", "--format", "tex", "--standalone"])
        #expect(
            document.stdout.contains("\\documentclass{article}")
                && document.stdout.hasSuffix("\\end{document}\n"))
        for (arguments, message) in [
            (["relu", "--standalone"], "'--standalone' applies to pgfplots"),
            (
                ["relu", "--format", "tex", "--theme", "dark"],
                "'--theme' applies to PNG, SVG and PDF, not to pgfplots"
            ),
        ] {
            let run = try InProcess.run(arguments)
            #expect(run.status == 64 && run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }

    /// Runs a program in a directory; nil when it is not installed.
    func run(_ program: String, _ arguments: [String], in directory: URL) throws -> Int32? {
        guard FileManager.default.isExecutableFile(atPath: program) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(
        "pdfLaTeX compiles --standalone to one page the figure's size, with ink",
        arguments: [
            ["gelu", "silu", "mish"], ["compare", "torch.hardsigmoid", "dl4j.hardsigmoid", "--diff"],
            ["tan(x)", "--no-derivative", "--mark", "1"],
            ["exponential", "--range", "-5:800", "--yscale", "log"],
            ["rrelu", "--saturation", "--range", "-4:3"],
        ])
    func compiles(arguments: [String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("actplot-tex-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try InProcess.run(arguments + ["--format", "tex", "--standalone"])
        #expect(result.status == 0, "\(result.stderr)")
        try Data(result.stdout.utf8).write(to: directory.appendingPathComponent("plot.tex"))
        let status = try #require(
            try run(
                "/usr/bin/pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "plot.tex"], in: directory
            ),
            "pdflatex is missing: apt-get install texlive-latex-base texlive-pictures (make test does)")
        let log =
            (try? String(contentsOf: directory.appendingPathComponent("plot.log"), encoding: .utf8)) ?? ""
        #expect(status == 0, "\(log.split(separator: "\n").filter { $0.hasPrefix("!") })")
        #expect(!log.contains("Overfull") && !log.contains("Missing character"), "\(arguments)")
        let page = directory.appendingPathComponent("page")
        let render = try #require(
            try run(
                "/usr/bin/pdftoppm", ["-png", "-r", "40", "-singlefile", "plot.pdf", page.path], in: directory
            ))
        #expect(render == 0)
        let png = try #require(
            DecodedPNG(try Data(contentsOf: page.appendingPathExtension("png")).map { $0 }))
        var ink = 0
        for y in 0..<png.height { for x in 0..<png.width where png.pixel(x, y).0 < 128 { ink += 1 } }
        #expect(ink * 100 > png.width * png.height, "\(ink) dark pixels of \(png.width * png.height)")
    }
}
