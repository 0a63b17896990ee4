import ActivationCore
import Foundation
import TestSupport
import Testing

@testable import ActivationPlot

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Element names, attributes and text of an XML document, by XMLParser (validating well-formedness).
final class XMLSummary: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String] = []
    private var current = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((name, attributes))
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        if name == "text" { texts.append(current) }
    }

    static func parse(_ text: String) -> XMLSummary? {
        let summary = XMLSummary()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = summary
        return parser.parse() ? summary : nil
    }
}

/// A figure of catalog specs over [−5, 5], 1,200 samples: what the image tests draw.
func figure(_ specs: [String]) throws -> Figure {
    let functions = try specs.map { spec in
        let f = try Catalog.activation(spec)
        return (name: f.name, function: f)
    }
    return Figure(functions: functions, sampling: Sampling(from: -5, to: 5, count: 1200))
}

/// PNG output decoded and checked pixel by pixel; SVG parsed as XML.
@Suite("PNG and SVG")
struct PNGTests {
    @Test("size, white background, the curve's colour at relu(2), axis and text ink, same bytes twice")
    func pixels() throws {
        let f = try figure(["relu"])
        let bytes = try f.png(width: 1200, height: 800, comment: "actplot relu")
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let png = try #require(DecodedPNG(bytes))
        #expect(png.width == 1200 && png.height == 800)
        #expect(png.pixel(0, 0) == (255, 255, 255) && png.pixel(1199, 799) == (255, 255, 255))
        let geometry = PlotLayout(figure: f, width: 1200, height: 800, scale: 1).geometry
        let (r, g, b) = png.pixel(Int(geometry.x(2)), Int(geometry.y(2)))
        #expect(
            abs(r - 0x00) < 40 && abs(g - 0x72) < 40 && abs(b - 0xB2) < 40,
            "pixel at relu(2): \(r), \(g), \(b)")
        // The frame's left edge is dark, and the tick-label strip under the plot holds text ink.
        let area = geometry
        let (fr, _, _) = png.pixel(Int(area.left), Int((area.top + area.bottom) / 2))
        #expect(fr < 128)
        var dark = 0
        for y in Int(area.bottom) + 10..<Int(area.bottom) + 30 {
            for x in Int(area.left)..<Int(area.right) where png.pixel(x, y).0 < 100 { dark += 1 }
        }
        #expect(dark > 100, "tick labels: \(dark) dark pixels")
        #expect(try f.png(width: 1200, height: 800, comment: "actplot relu") == bytes)
        #expect(String(decoding: bytes, as: UTF8.self).contains("Description"))
    }

    @Test("scale 2 doubles the size; oversized images are refused")
    func scale() throws {
        let f = try figure(["gelu"])
        let png = try #require(DecodedPNG(try f.png(width: 300, height: 200, scale: 2, comment: "")))
        #expect(png.width == 600 && png.height == 400)
        #expect(throws: PNGError.self) { try f.png(width: 20_000, height: 100, comment: "") }
    }

    @Test("SVG is XML with one path per series and text for labels")
    func svg() throws {
        let f = try figure(["gelu", "silu"])
        var text = ""
        f.svg(width: 1200, height: 800, to: &text)
        let xml = try #require(XMLSummary.parse(text), "not well-formed XML")
        #expect(xml.elements.first?.name == "svg" && xml.elements.first?.attributes["width"] == "1200")
        #expect(xml.elements.filter { $0.name == "path" }.count == 4 + 4)  // 4 curves, 4 legend samples
        let texts = xml.texts
        #expect(
            texts.contains("gelu′") && texts.contains("x") && texts.contains("f(x)")
                && texts.contains("\u{2212}4"))
        #expect(xml.elements.contains { $0.name == "path" && $0.attributes["stroke-dasharray"] != nil })
    }

    /// Found by the command-line fuzzer: a 200×150 plot trapped on a legend box wider than its room.
    @Test("small images draw and decode", arguments: [(200, 150), (120, 90), (16, 16), (300, 16)])
    func small(_ size: (Int, Int)) throws {
        let gelu = try Catalog.activation("gelu")
        let figure = Figure(functions: [("gelu", gelu)], sampling: Sampling(from: -5, to: 5, count: 101))
        let grid = FigureGrid(panels: [figure])
        let png = try #require(DecodedPNG(try grid.png(width: size.0, height: size.1, comment: "")))
        #expect(png.width == size.0 && png.height == size.1)
    }

    /// The encoder filters and compresses bands of rows on separate cores and joins their
    /// streams: any image, noisy or flat, any height, must decode to exactly its pixels.
    @Test(
        "the banded encoder round-trips every pixel",
        arguments: [(16, 16, 1), (37, 129, 2), (300, 200, 3), (1200, 800, 4), (17, 1000, 5)])
    func roundTrip(_ size: (width: Int, height: Int, seed: UInt64)) throws {
        var state = size.seed &* 0x9E37_79B9_7F4A_7C15
        let rgb = (0..<(size.width * size.height * 3)).map { i -> UInt8 in
            // Half the rows noise, half flat bands: both paths of run-length compression.
            if (i / (size.width * 3)) % 4 < 2 { return UInt8(truncatingIfNeeded: i / (size.width * 30)) }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let png = try #require(
            DecodedPNG(
                try Figure.encode(
                    rgb, width: size.width, height: size.height, channels: 3, comment: "round trip")))
        #expect(png.width == size.width && png.height == size.height)
        #expect(png.rgb == rgb)
    }

    /// Found by the render fuzzer: padding a y range at the top of the double line made it
    /// infinite, and the tick engine trapped.
    @Test(
        "curves at the largest doubles draw in every format",
        arguments: [
            [Double.greatestFiniteMagnitude, .greatestFiniteMagnitude],
            [-Double.greatestFiniteMagnitude, -.greatestFiniteMagnitude],
            [0.99 * Double.greatestFiniteMagnitude, .greatestFiniteMagnitude],
        ])
    func extremeY(_ ys: [Double]) throws {
        let figure = Figure(
            title: "extreme", series: [.init(name: "f", function: 0, role: .value, x: [0, 1], y: ys)],
            xRange: 0...1)
        #expect(figure.yRange.lowerBound.isFinite && figure.yRange.upperBound.isFinite)
        #expect(figure.yRange.lowerBound < figure.yRange.upperBound)
        let grid = FigureGrid(panels: [figure])
        var chart = ""
        TerminalChart(width: 60, height: 15, color: false, ascii: false).render(grid, to: &chart)
        #expect(chart.split(separator: "\n").count == 15)
        var svg = ""
        grid.svg(width: 300, height: 200, to: &svg)
        #expect(svg.hasSuffix("</svg>\n"))
        let png = try #require(DecodedPNG(try grid.png(width: 300, height: 200, comment: "")))
        #expect(png.width == 300)
    }
}
