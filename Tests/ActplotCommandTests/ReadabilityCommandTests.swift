import ActivationCore
import Foundation
import TestSupport
import Testing

/// The readability of many curves as a user meets it: charts and images from the built actplot.
@Suite("Readable overlays, end to end")
struct ReadabilityCommandTests {
    @Test("NO_COLOR --ascii: tanh and sigmoid in glyphs of their own, each legend entry showing its glyph")
    func asciiWithoutColour() throws {
        let r = try InProcess.run(
            ["tanh", "sigmoid", "--ascii", "--width", "80", "--height", "24"], environment: ["NO_COLOR": "1"])
        #expect(r.status == 0 && !r.stdout.contains("\u{1B}"))
        for entry in ["**** tanh", "* *  tanh'", "#### sigmoid", "# #  sigmoid'"] {
            #expect(r.stdout.contains(entry), "legend entry '\(entry)' missing")
        }
        // Both glyphs are drawn on the canvas, not only in the legend.
        let canvas = r.stdout.split(separator: "\n").filter {
            $0.contains("|") && !$0.contains("tanh") && !$0.contains("sigmoid")
        }
        #expect(canvas.contains { $0.contains("*") } && canvas.contains { $0.contains("#") })
    }

    @Test("every panel of a three-function compare PNG with --diff has its legend")
    func legendInEveryPanel() throws {
        let r = try InProcess.run([
            "compare", "gelu", "gelu:approximate=tanh", "gelu:approximate=sigmoid", "--diff", "--format",
            "png",
        ])
        #expect(r.status == 0)
        let image = try #require(DecodedPNG([UInt8](r.stdoutData)))
        // 1200×800 and four panels: a 2×2 grid. Each quadrant holds the legend box's grey border.
        for (column, row) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            var border = 0
            for y in (row * 400)..<(row * 400 + 400) {
                for x in (column * 600)..<(column * 600 + 600) where image.pixel(x, y) == (0xCC, 0xCC, 0xCC) {
                    border += 1
                }
            }
            #expect(border > 100, "panel (\(column), \(row)): \(border) legend border pixels")
        }
    }

    @Test("an overflowing range says where f becomes +∞, in the chart and in the image")
    func overflowNote() throws {
        let chart = try InProcess.run([
            "exponential", "--range", "-5:800", "--width", "80", "--height", "20",
        ])
        #expect(chart.stdout.contains("exponential, exponential′ = +∞ for x > 709.78"))
        #expect(chart.stdout.split(separator: "\n").count == 20)
        let svg = try InProcess.run(["exponential", "--range", "-5:800", "--format", "svg"])
        #expect(svg.stdout.contains(">exponential, exponential′ = +∞ for x &gt; 709.78</text>"))
        let softmax = try InProcess.run(["softmax", "--format", "svg"])
        #expect(softmax.stdout.contains(">softmax: component 0, other input = 0</text>"))
    }

    @Test("a PNG title renders \"für\" from the font; a character it lacks is a box and one warning")
    func font() throws {
        let fine = try InProcess.run(["relu", "--title", "ReLU für Schüler ≈ µ²", "--format", "png"])
        #expect(fine.status == 0 && fine.stderr.isEmpty, "\(fine.stderr)")
        let snowman = try InProcess.run(["relu", "--title", "☃ and ☃", "--format", "png"])
        #expect(snowman.status == 0)
        #expect(
            snowman.stderr
                == "actplot: warning: the PNG font has no glyph for '☃' (U+2603); drawn as a box (SVG uses the viewer's fonts)\n"
        )
    }

    @Test(
        "charts fit the terminal: LINES down to the smallest chart, compare panels and the table in its size")
    func fitTerminal() throws {
        let short = try InProcess.run(["gelu"], environment: ["LINES": "10", "COLUMNS": "80"])
        #expect(short.stdout.split(separator: "\n", omittingEmptySubsequences: false).count - 1 == 9)
        let tiny = try InProcess.run(["gelu"], environment: ["LINES": "3", "COLUMNS": "80"])
        #expect(tiny.status == 0 && tiny.stdout.split(separator: "\n").count >= 6)
        let compare = try InProcess.run(
            ["compare", "gelu", "silu", "mish"],
            environment: ["LINES": "30", "COLUMNS": "100", "LANG": "C.UTF-8"])
        let lines = compare.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 29, "\(lines.count) lines in a 30-line terminal")
        // Two panels to a row: the first row's frames side by side.
        #expect(lines.contains { $0.filter { $0 == "┌" }.count == 2 })
        let narrow = try InProcess.run(
            ["compare", "gelu", "silu", "mish"],
            environment: ["LINES": "80", "COLUMNS": "40", "LANG": "C.UTF-8"])
        for line in narrow.stdout.split(separator: "\n") {
            #expect(line.count <= 40, "wider than the terminal: \(line)")
        }
        // Whole columns: every number in the table is intact.
        #expect(narrow.stdout.contains("max |f - g|") && narrow.stdout.contains("mean |f - g|"))
    }
}

/// `list` and `list --framework` keep to the terminal's width, breaking prose between words.
@Suite("Lists within the width")
struct ListWidthTests {
    @Test(
        "every line fits COLUMNS, and each formula reads back whole from its wrapped lines",
        arguments: [60, 80, 120])
    func catalog(columns: Int) throws {
        let list = try InProcess.run(["list"], environment: ["COLUMNS": "\(columns)"])
        let lines = list.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { $0.count <= columns }, "\(lines.filter { $0.count > columns })")
        let start = try #require(lines.first?.firstRange(of: "FORMULA")?.lowerBound).utf16Offset(in: lines[0])
        // Rows: a name starts a function's first line; continuation lines are blank up to FORMULA.
        var formulas: [String: String] = [:]
        var current = ""
        for line in lines.dropFirst() where line.count > start {
            let text = String(line.dropFirst(start))
            if line.first != " " {
                current = String(line.prefix { $0 != " " })
                formulas[current] = text
            } else if !current.isEmpty {
                formulas[current, default: ""] += " " + text
            }
        }
        for entry in Catalog.all {
            // Broken at spaces; a token longer than the column itself is cut where it must be.
            let read = formulas[entry.name] ?? ""
            let whole = entry.formula.split(separator: " ").allSatisfy { $0.count <= columns - start }
            #expect(
                whole
                    ? read == entry.formula : read.filter { $0 != " " } == entry.formula.filter { $0 != " " },
                "\(entry.name) at \(columns): \(read)")
        }
        let dl4j = try InProcess.run(["list", "--framework", "dl4j"], environment: ["COLUMNS": "\(columns)"])
        #expect(dl4j.stdout.split(separator: "\n").allSatisfy { $0.count <= columns })
    }
}

/// Terminal charts keep every function visible.
@Suite("Terminal ink per function")
struct TerminalInkTests {
    @Test("a function drawn under later ones keeps its glyph in at least a fifth of the plot's columns")
    func sharedCells() throws {
        let chart = try InProcess.run([
            "gelu", "silu", "mish", "--no-derivative", "--width", "80", "--height", "24", "--ascii",
        ])
        // The canvas rows: between the frame's top and bottom rules, after the legend's three lines.
        let rows = chart.stdout.split(separator: "\n").filter { $0.contains("|") }.dropFirst(3).map(
            Array.init)
        var columns: [Character: Set<Int>] = [:]
        var plot = 0
        for row in rows {
            guard let left = row.firstIndex(of: "|"), let right = row.lastIndex(of: "|"), left < right else {
                continue
            }
            plot = Swift.max(plot, right - left - 1)
            for k in (left + 1)..<right where "*#o".contains(row[k]) {
                columns[row[k], default: []].insert(k)
            }
        }
        #expect(plot > 60)
        for glyph in "*#o" {
            #expect(
                (columns[glyph]?.count ?? 0) * 5 >= plot, "\(glyph): \(columns[glyph]?.count ?? 0) of \(plot)"
            )
        }
    }

    @Test("past sixteen functions the chart says which repeat glyphs and colours")
    func manyFunctions() throws {
        let names = [
            "relu", "gelu", "silu", "mish", "elu", "selu", "tanh", "sigmoid", "softplus", "leaky_relu",
            "hardswish",
            "celu", "softsign", "relu6", "hardtanh", "hardsigmoid", "gelu:approximate=tanh",
        ]
        let chart = try InProcess.run(
            names + ["--no-derivative", "--width", "120", "--height", "40", "--ascii"])
        #expect(
            chart.stdout.contains("functions 17 to 17 repeat the glyphs and colours of 1 to 1"),
            "\(chart.stdout)")
        let fewer = try InProcess.run(
            Array(names.prefix(16)) + ["--no-derivative", "--width", "120", "--ascii"])
        #expect(!fewer.stdout.contains("repeat the glyphs"))
    }
}

/// `compare` of three functions with its statistics fits an 80×24 terminal.
@Suite("Compare in a small terminal")
struct CompareFitTests {
    @Test("compare gelu silu mish at 80×24: panels in one row, the whole within 24 lines and 80 columns")
    func fits() throws {
        let r = try InProcess.run(
            ["compare", "gelu", "silu", "mish"],
            environment: ["COLUMNS": "80", "LINES": "24", "NO_COLOR": "1"])
        #expect(r.status == 0)
        let lines = (r.stdout + r.stderr).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 24, "\(lines.count) lines")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(
            lines.first?.contains("gelu") == true && lines.first?.contains("mish") == true,
            "\(lines.first ?? "")")
    }
}
