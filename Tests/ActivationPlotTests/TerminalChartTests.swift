import ActivationCore
import Testing

@testable import ActivationPlot

/// The terminal chart, checked for meaning: where dots land, what the labels say.
@Suite("Terminal chart")
struct TerminalChartTests {
    func figure(
        _ specs: [String], range: ClosedRange<Double> = -5...5, samples: Int = 146,
        derivative: Bool = true
    ) throws -> Figure {
        let functions = try specs.map { spec in
            let f = try Catalog.activation(spec)
            return (name: f.name, function: f)
        }
        return Figure(
            functions: functions,
            sampling: Sampling(from: range.lowerBound, to: range.upperBound, count: samples),
            derivative: derivative)
    }

    func render(_ chart: TerminalChart, _ figure: Figure) -> [String] {
        var text = ""
        chart.render(figure, to: &text)
        #expect(text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test("the curve's dot for x = 0 sits on the row labelled 0, at the column of the x = 0 tick")
    func zeroOnAxis() throws {
        let chart = TerminalChart(width: 80, height: 24, color: false, ascii: false)
        let f = try figure(
            ["relu"], samples: chart.samples(for: try figure(["relu"], samples: 2)), derivative: false)
        let lines = render(chart, f)
        let zeroRow = try #require(lines.firstIndex { $0.hasPrefix("   0 ┤") })
        let axis = try #require(lines.last)
        let labelColumn = try #require(axis.firstIndex(of: "0")).utf16Offset(in: axis)
        let row = Array(lines[zeroRow])
        let bits = row[labelColumn].unicodeScalars.first.map { $0.value - 0x2800 } ?? 0
        #expect(bits > 0 && bits < 0x100, "no dot at x = 0 on the 0 row: \(lines[zeroRow])")
        // relu is 0 left of 0: the 0 row carries dots all the way from the left edge.
        #expect(row[6...labelColumn].allSatisfy { $0 != "\u{2800}" }, "\(lines[zeroRow])")
    }

    @Test("labels at the ends of the range, legend present, lines without trailing spaces, fits the width")
    func labelsAndLegend() throws {
        for (width, height) in [(80, 24), (200, 50), (40, 12)] {
            let chart = TerminalChart(width: width, height: height, color: false, ascii: false)
            let lines = render(chart, try figure(["gelu", "silu"]))
            #expect(lines.count == height, "\(width)×\(height): \(lines.count) lines")
            let axis = try #require(lines.last)
            #expect(
                axis.hasPrefix(String(repeating: " ", count: 4)) && axis.contains("-5") && axis.contains("5"))
            let text = lines.joined(separator: "\n")
            #expect(text.contains("gelu") && text.contains("gelu′") && text.contains("silu′"))
            for line in lines {
                #expect(!line.hasSuffix(" "), "trailing space: \(line)")
                #expect(line.count <= width, "too wide: \(line)")
            }
        }
    }

    @Test("ASCII mode is 7-bit; colour mode resets before every line end")
    func asciiAndColour() throws {
        let ascii = TerminalChart(width: 60, height: 18, color: false, ascii: true)
        var text = ""
        ascii.render(try figure(["tanh"], samples: 52), to: &text)
        #expect(text.utf8.allSatisfy { $0 < 0x80 })
        #expect(text.contains("*") && text.contains(".") && text.contains("tanh'"))
        let coloured = TerminalChart(width: 60, height: 18, color: true, ascii: false)
        var colourText = ""
        coloured.render(try figure(["tanh"]), to: &colourText)
        #expect(colourText.contains("\u{1B}[34m"))
        for line in colourText.split(separator: "\n") where line.contains("\u{1B}[") {
            let last = line.split(separator: "\u{1B}[", omittingEmptySubsequences: false).last ?? ""
            #expect(last.hasPrefix("0m"), "colour still on at the end of: \(line)")
        }
        var plain = ""
        TerminalChart(width: 60, height: 18, color: false, ascii: false).render(
            try figure(["tanh"]), to: &plain)
        #expect(!plain.contains("\u{1B}"))
    }

    @Test("f, f′, f″ are solid, dotted and sparse: the derivative's line has gaps where f's has none")
    func styles() throws {
        let chart = TerminalChart(width: 60, height: 16, color: false, ascii: false)
        var canvasDots = [Int](repeating: 0, count: 3)
        for (i, role) in [Figure.Role.value, .derivative, .secondDerivative].enumerated() {
            var f = try figure(["identity"], derivative: false)
            f.series[0].role = role
            let layout = TerminalChart.Layout(chart: chart, figure: f, legendBelow: false)
            let canvas = layout.drawCanvas(f)
            canvasDots[i] = canvas.cells.map { $0.nonzeroBitCount }.reduce(0, +)
        }
        #expect(canvasDots[0] > canvasDots[1] && canvasDots[1] > canvasDots[2])
    }
}
