import ActivationCore
import TestSupport
import Testing

@testable import ActivationPlot

/// Many curves in one picture: each function keeps its own colour or glyph in every output,
/// differences a family of their own, and the picture says what the curves alone do not.
@Suite("Readable overlays")
struct ReadabilityTests {
    func figure(
        _ specs: [String], range: ClosedRange<Double> = -5...5, samples: Int = 146, derivative: Bool = true,
        diff: Bool = false
    ) throws -> Figure {
        let functions = try specs.map { spec in
            let f = try Catalog.activation(spec)
            return (name: f.name, function: f)
        }
        let sampling = Sampling(from: range.lowerBound, to: range.upperBound, count: samples)
        var figure = Figure(functions: functions, sampling: sampling, derivative: derivative)
        if diff {
            let differences = Figure.differences(of: functions, sampling: sampling, derivative: derivative)
            figure.series += differences.series
            figure.notes += differences.notes
        }
        return figure
    }

    /// Whether the colour is within `tolerance` of `rgb` in every channel.
    func near(_ pixel: (Int, Int, Int), _ rgb: UInt32, tolerance: Int = 40) -> Bool {
        abs(pixel.0 - Int(rgb >> 16)) < tolerance && abs(pixel.1 - Int((rgb >> 8) & 0xFF)) < tolerance
            && abs(pixel.2 - Int(rgb & 0xFF)) < tolerance
    }

    @Test(
        "four functions in ASCII without colour: each glyph only on its own function's curves, as its legend shows"
    )
    func glyphFamilies() throws {
        let specs = ["gelu", "tanh", "sigmoid", "elu"]
        let chart = TerminalChart(width: 80, height: 24, color: false, ascii: true)
        let all = try figure(specs, samples: chart.samples(for: try figure(specs, samples: 2)))
        let layout = TerminalChart.Layout(chart: chart, figure: all, legendBelow: false)
        let canvas = layout.drawCanvas(all)
        var text = ""
        chart.render(all, to: &text)
        for (k, spec) in specs.enumerated() {
            let glyph = TerminalChart.glyphs[k]
            // The same canvas with only this function's curves: the cells it may hold.
            var own = all
            own.series = all.series.filter { $0.function == k }
            let alone = layout.drawCanvas(own)
            let cells = canvas.marks.indices.filter { canvas.marks[$0] == glyph }
            #expect(cells.count > 8, "\(spec): \(cells.count) cells of '\(glyph)'")
            #expect(cells.allSatisfy { alone.marks[$0] == glyph }, "'\(glyph)' off \(spec)'s curves")
            // Its legend entries show exactly that glyph: solid for f, every other cell for f′.
            let name = Catalog.entry(named: spec)?.name ?? spec
            #expect(
                text.contains("\(glyph)\(glyph)\(glyph)\(glyph) \(name)\n")
                    || text.contains("\(glyph)\(glyph)\(glyph)\(glyph) \(name) "))
            #expect(text.contains("\(glyph) \(glyph)  \(name)'"))
        }
        // No two functions share a glyph.
        #expect(Set(TerminalChart.glyphs.prefix(specs.count)).count == specs.count)
    }

    @Test("braille without colour: each curve carries its function's glyph, and only its own")
    func brailleMarkers() throws {
        let specs = ["gelu", "tanh", "sigmoid"]
        let chart = TerminalChart(width: 100, height: 30, color: false, ascii: false)
        let all = try figure(specs, samples: chart.samples(for: try figure(specs, samples: 2)))
        #expect(chart.usesMarkers(all))
        let layout = TerminalChart.Layout(chart: chart, figure: all, legendBelow: false)
        let canvas = layout.drawCanvas(all)
        for k in specs.indices {
            var own = all
            own.series = all.series.filter { $0.function == k }
            let alone = layout.drawCanvas(own)
            let cells = canvas.glyphs.filter { $0.value == k }.map(\.key)
            #expect(cells.count >= 4, "function \(k): \(cells.count) markers")
            #expect(cells.allSatisfy { alone.cells[$0] != 0 }, "a marker of function \(k) off its curves")
        }
        // With colour (and no more functions than colours) the colours tell them apart instead.
        #expect(!TerminalChart(width: 100, height: 30, color: true, ascii: false).usesMarkers(all))
    }

    @Test("terminal colours: f and f′ of a function share one, two functions differ, differences are neither")
    func terminalColours() throws {
        for colors256 in [false, true] {
            let chart = TerminalChart(width: 100, height: 30, color: true, ascii: false, colors256: colors256)
            let f = try figure(["gelu", "silu"], diff: true)
            var text = ""
            chart.render(f, to: &text)
            /// The SGR code of the legend sample before `name` (`ESC[34m⠒⠒⠒ESC[0m gelu`).
            func code(_ name: String) -> String? {
                for line in text.split(separator: "\n").map(String.init) {
                    var search = line.startIndex..<line.endIndex
                    while let reset = line.range(of: "\u{1B}[0m " + name, range: search) {
                        search = reset.upperBound..<line.endIndex
                        let after = line[reset.upperBound...].first
                        // The name ends there: a space, an escape, the line's end or the canvas's braille.
                        let ends = after.map { c in
                            c == " " || c == "\u{1B}"
                                || (0x2800...0x28FF).contains(c.unicodeScalars.first?.value ?? 0)
                        }
                        guard ends ?? true else { continue }
                        let before = line[..<reset.lowerBound]
                        guard let start = before.range(of: "\u{1B}[", options: .backwards) else { continue }
                        return String(before[start.upperBound...].prefix { $0 != "m" })
                    }
                }
                return nil
            }
            let (gelu, geluPrime, silu, siluPrime) = (
                code("gelu"), code("gelu′"), code("silu"), code("silu′")
            )
            let (difference, derivativeDifference) = (code("f − g"), code("f′ − g′"))
            #expect(
                gelu != nil && gelu == geluPrime,
                "\(String(describing: gelu)) \(String(describing: geluPrime))")
            #expect(silu != nil && silu == siluPrime && silu != gelu)
            #expect(difference != nil && difference == derivativeDifference)
            #expect(difference != gelu && difference != silu)
            // The canvas's braille cells are painted with the same codes.
            for code in [gelu, silu, difference] {
                let painted = text.components(separatedBy: "\u{1B}[\(code ?? "-")m").dropFirst().contains {
                    (0x2801...0x28FF).contains($0.unicodeScalars.first?.value ?? 0)
                }
                #expect(painted, "no cell drawn in \(String(describing: code))")
            }
        }
    }

    @Test("PNG: f and f′ of a function in one colour, the next function in another, f − g in neither")
    func imageColours() throws {
        let f = try figure(["gelu", "silu"], samples: 1200, diff: true)
        let png = try #require(DecodedPNG(try f.png(width: 1200, height: 800, comment: "")))
        let g = PlotLayout(figure: f, width: 1200, height: 800, scale: 1).geometry
        let gelu = try Catalog.activation("gelu")
        let silu = try Catalog.activation("silu")
        /// The pixel on the curve y(x) (f′ is dashed: the best of the nearby columns).
        func colour(_ x: Double, _ y: (Double) -> Double) -> (Int, Int, Int) {
            var best = (255, 255, 255)
            for dx in stride(from: -0.12, through: 0.12, by: 0.01) {
                let p = png.pixel(Int(g.x(x + dx).rounded()), Int(g.y(y(x + dx)).rounded()))
                if p.0 + p.1 + p.2 < best.0 + best.1 + best.2 { best = p }
            }
            return best
        }
        let blue: UInt32 = 0x0072B2
        let orange: UInt32 = 0xD55E00
        #expect(near(colour(4, gelu.value(at:)), blue))
        #expect(near(colour(3.5, gelu.derivative(at:)), blue))
        #expect(near(colour(3.8, silu.value(at:)), orange))
        #expect(near(colour(3, silu.derivative(at:)), orange))
        // f − g at x = 2.5 (0.18 above 0): black, no function's colour.
        let difference = colour(2.6) { gelu.value(at: $0) - silu.value(at: $0) }
        #expect(near(difference, 0x000000, tolerance: 70), "\(difference)")
        #expect(!near(difference, blue) && !near(difference, orange))
    }

    @Test("legend order: each function with its derivatives, then the differences, named f − g and f′ − g′")
    func legendOrder() throws {
        let two = try figure(["gelu", "silu"], diff: true)
        #expect(two.legendOrder.map(\.name) == ["gelu", "gelu′", "silu", "silu′", "f − g", "f′ − g′"])
        #expect(two.notes.map(\.text).contains("f = gelu, g = silu"))
        let three = try figure(["relu", "gelu", "silu"], diff: true)
        #expect(
            three.legendOrder.map(\.name).suffix(4) == ["f − gelu", "f′ − gelu′", "f − silu", "f′ − silu′"])
        #expect(
            Figure.differences(
                of: try ["relu", "gelu", "silu"].map { ($0, try Catalog.activation($0)) },
                sampling: Sampling(from: -1, to: 1, count: 3)
            ).title == "differences from f = relu")
        // Twelve functions: no two curves drawn alike (colour and dash pattern).
        let twelve = try figure(
            [
                "relu", "gelu", "silu", "mish", "elu", "selu", "tanh", "sigmoid", "softplus", "leaky_relu",
                "hardswish", "celu",
            ], derivative: true)
        let looks = twelve.series.map { s in
            let stroke = PlotLayout.stroke(s, scale: 1)
            return "\(stroke.color.hex) \(stroke.dash)"
        }
        #expect(Set(looks).count == looks.count)
    }

    @Test("a step is drawn with a break: no ink on the vertical between its two levels")
    func jumps() throws {
        let f = try figure(["binary_step"], samples: 1200, derivative: false)
        #expect(f.series[0].y.contains { $0.isNaN }, "no break in the series")
        let png = try #require(DecodedPNG(try f.png(width: 1200, height: 800, comment: "")))
        let g = PlotLayout(figure: f, width: 1200, height: 800, scale: 1).geometry
        let (top, bottom) = (Int(g.y(0.9)), Int(g.y(0.1)))
        var coloured = 0
        for y in top...bottom {
            for x in Int(g.x(0)) - 3...Int(g.x(0)) + 3 {
                let (r, _, b) = png.pixel(x, y)
                // The curve is blue; the zero axis under it is grey.
                if b - r > 60 { coloured += 1 }
            }
        }
        #expect(coloured == 0, "\(coloured) curve pixels on the vertical at x = 0")
        // A steep but continuous curve is not broken.
        let steep = try figure(["tanh(1000*x)"], range: -0.05...0.05, samples: 20, derivative: false)
        #expect(!steep.series[0].y.contains { $0.isNaN })
        let relu = try figure(["relu"], samples: 101)
        #expect(relu.series.first { $0.role == .derivative }?.y.contains { $0.isNaN } == true)
        #expect(relu.series.first { $0.role == .value }?.y.contains { $0.isNaN } == false)
    }

    @Test("where a curve is ±∞ or NaN, a note says so with the edge; vector functions name their component")
    func notes() throws {
        let exponential = try figure(["exponential"], range: -5...800, samples: 400)
        #expect(exponential.notes.map(\.text) == ["exponential, exponential′ = +∞ for x > 709.78"])
        #expect(abs((exponential.notes.first?.x ?? 0) - 709.782712893384) < 1e-9)
        let log = try figure(["log(x)"], samples: 101)
        #expect(log.notes.map(\.text).contains("log(x), log(x)′ = NaN for x < 0"))
        #expect(log.notes.map(\.text).contains("log(x) = −∞ at x = 0"))
        let softmax = try figure(["softmax"])
        #expect(softmax.notes.map(\.text) == ["softmax: component 0, other input = 0"])
        #expect(try figure(["gelu"]).notes.isEmpty)
    }

    @Test("a curve that another covers over the whole range is named in the legend, and drawn wider under it")
    func coincidences() throws {
        let f = try figure(["torch.hardsigmoid", "keras.hard_sigmoid", "dl4j.hardsigmoid"])
        let torch = try #require(f.series.first { $0.function == 0 && $0.role == .value })
        #expect(torch.legendName == "torch.Hardsigmoid = keras.hard_sigmoid")
        #expect(PlotLayout.stroke(torch, scale: 1).width > 2 * 2)
        let dl4j = try #require(f.series.first { $0.function == 2 && $0.role == .value })
        #expect(dl4j.coveredBy.isEmpty)
    }

    @Test("the font covers Latin-1, Latin Extended-A and the math symbols; a missing glyph is a box")
    func font() throws {
        let font = GlyphFont.dejaVuSans
        let text = "ReLU für Schüler: é ñ ö ü ß Ł ő ² ³ ≈ ≤ ≥ ° µ × ÷ ± · → ← – — ‘ ’ “ ” … σ′ Φ"
        #expect(font.missingCharacters(in: text).isEmpty)
        for code in Array(0xA0...0x17F) {
            let c = Character(Unicode.Scalar(code)!)
            #expect(font.glyphs[c] != nil, "U+\(String(code, radix: 16))")
        }
        #expect(font.missingCharacters(in: "a☃b") == ["☃"])
        #expect(font.glyph("☃").contours.count == 2 && font.glyph("☃").advance == font.missingGlyph.advance)
        var f = try figure(["relu"])
        f.title = "ReLU für Schüler ☃"
        #expect(FigureGrid(panels: [f]).charactersMissingFromFont(width: 600, height: 400) == ["☃"])
    }

    @Test("a long title wraps or shrinks inside the image, whole")
    func titles() throws {
        let font = GlyphFont.dejaVuSans
        let long =
            "differences from torch.LeakyReLU(negative_slope=0.2), jax.leaky_relu, keras.layers.LeakyReLU"
        let fit = PlotGeometry.fit(long, width: 460, size: 19, font: font)
        #expect(fit.lines.count > 1 && fit.lines.joined(separator: " ") == long)
        #expect(fit.lines.allSatisfy { font.width(of: $0, size: fit.size) <= 460 })
        #expect(PlotGeometry.fit("relu", width: 300, size: 19, font: font).lines == ["relu"])
    }

    @Test("a title of thousands of characters is cut with an ellipsis, at a readable size")
    func hugeTitles() throws {
        let font = GlyphFont.dejaVuSans
        let word = PlotGeometry.fit(String(repeating: "A", count: 3000), width: 1184, size: 19, font: font)
        #expect(word.lines.count == 1 && word.lines[0].hasSuffix("…") && word.size >= 0.8 * 19)
        #expect(font.width(of: word.lines[0], size: word.size) <= 1184)
        let words = PlotGeometry.fit(
            Array(repeating: "word", count: 600).joined(separator: " "), width: 1184, size: 19, font: font)
        #expect(words.lines.count == 2 && words.lines[1].hasSuffix("…"))
        #expect(
            words.lines.allSatisfy { font.width(of: $0, size: words.size) <= 1184 } && words.size >= 0.5 * 19)
    }

    @Test("at least five labelled x ticks on a 300-pixel panel")
    func ticks() throws {
        let f = try figure(["relu"])
        let g = PlotLayout(figure: f, width: 300, height: 400, scale: 1).geometry
        #expect(g.xTicks.count >= 5, "\(g.xTicks.map(\.label))")
    }
}
