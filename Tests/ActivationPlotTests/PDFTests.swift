import ActivationCore
import Foundation
import TestSupport
import Testing

@testable import ActivationPlot

/// PDF output: its structure read byte by byte, checked by qpdf, and rendered by poppler's
/// pdftoppm against the PNG of the same figure.
@Suite("PDF")
struct PDFTests {
    /// Where `needle` first occurs in `bytes` at or after `start`.
    func find(_ needle: String, in bytes: [UInt8], from start: Int = 0) -> Int? {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count, start <= bytes.count - n.count else { return nil }
        return (start...(bytes.count - n.count)).first { Array(bytes[$0..<$0 + n.count]) == n }
    }

    @Test(
        "header, every object at its cross-reference offset, the page's size, deflated content, same bytes twice"
    )
    func structure() throws {
        let grid = FigureGrid(panels: [try figure(["gelu", "silu"])])
        let bytes = grid.pdf(width: 1200, height: 800, subject: "actplot gelu silu -o x.pdf")
        #expect(Array(bytes.prefix(9)) == Array("%PDF-1.4\n".utf8))
        #expect(Array(bytes.suffix(6)) == Array("%%EOF\n".utf8))
        let startxref = try #require(find("startxref\n", in: bytes))
        let tail = String(decoding: bytes[(startxref + 10)...], as: UTF8.self)
        let table = try #require(Int(tail.prefix { $0.isNumber }))
        #expect(find("xref\n", in: bytes, from: table) == table)
        let lines = String(decoding: bytes[table...], as: UTF8.self).split(separator: "\n")
        let count = try #require(Int(lines[1].split(separator: " ")[1]))
        #expect(count >= 6)
        for object in 1..<count {
            let offset = try #require(Int(lines[2 + object].prefix(10)))
            #expect(find("\(object) 0 obj\n", in: bytes, from: offset) == offset, "object \(object)")
        }
        #expect(find("/MediaBox [0 0 900 600]", in: bytes) != nil)
        #expect(find("/Filter /FlateDecode", in: bytes) != nil)
        #expect(find("/Subject (actplot gelu silu -o x.pdf)", in: bytes) != nil)
        #expect(grid.pdf(width: 1200, height: 800, subject: "actplot gelu silu -o x.pdf") == bytes)
        let scaled = grid.pdf(width: 1200, height: 800, scale: 2, subject: "")
        #expect(find("/MediaBox [0 0 1800 1200]", in: scaled) != nil)
    }

    /// Runs a program, returning its status and standard output; nil when it is not installed.
    func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard FileManager.default.isExecutableFile(atPath: program) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(
        "qpdf finds no fault, and pdftoppm draws the page as the PNG is drawn",
        arguments: [["gelu", "silu", "mish"], ["relu", "sigmoid"]])
    func rendered(specs: [String]) throws {
        let plot = try figure(specs)
        let grid = FigureGrid(panels: [plot])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("actplot-pdf-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("plot.pdf")
        try Data(grid.pdf(width: 1200, height: 800, subject: "")).write(to: pdf)
        let check = try #require(
            try run("/usr/bin/qpdf", ["--check", pdf.path]),
            "qpdf is missing: apt-get install qpdf (make test does)")
        #expect(
            check.status == 0 && check.output.contains("No syntax or stream encoding errors"),
            "\(check.output)")
        let out = directory.appendingPathComponent("page").path
        let render = try #require(
            try run("/usr/bin/pdftoppm", ["-png", "-r", "96", "-singlefile", pdf.path, out]),
            "pdftoppm is missing: apt-get install poppler-utils (make test does)")
        #expect(render.status == 0, "\(render.output)")
        let page = try #require(
            DecodedPNG(try Data(contentsOf: URL(fileURLWithPath: out + ".png")).map { $0 }))
        let png = try #require(DecodedPNG(try plot.png(width: 1200, height: 800, comment: "")))
        #expect(page.width == png.width && page.height == png.height)
        var differing = 0
        var ink = 0
        for y in 0..<png.height {
            for x in 0..<png.width {
                let (a, b) = (page.pixel(x, y), png.pixel(x, y))
                if Swift.max(abs(a.0 - b.0), abs(a.1 - b.1), abs(a.2 - b.2)) > 64 { differing += 1 }
                if b.0 < 200 || b.1 < 200 || b.2 < 200 { ink += 1 }
            }
        }
        let total = png.width * png.height
        #expect(differing * 50 <= total, "\(differing) of \(total) pixels differ by more than 64/255")
        #expect(ink * 100 > total, "the PNG has ink at \(ink) pixels")
    }
}

/// `--theme`: the dark ground and lifted colours, and a transparent ground in every image format.
@Suite("Themes")
struct ThemeTests {
    func grid(_ theme: Theme) throws -> (grid: FigureGrid, figure: Figure) {
        let relu = try figure(["relu"])
        var grid = FigureGrid(panels: [relu])
        grid.theme = theme
        return (grid, relu)
    }

    @Test("dark: the ground is #1a1a1a, relu's blue is lifted towards white, the text is light")
    func dark() throws {
        let (grid, figure) = try grid(.dark)
        let png = try #require(DecodedPNG(try grid.png(width: 1200, height: 800, comment: "")))
        #expect(png.pixel(0, 0) == (0x1A, 0x1A, 0x1A) && png.pixel(1199, 799) == (0x1A, 0x1A, 0x1A))
        let geometry = PlotLayout(figure: figure, width: 1200, height: 800, scale: 1).geometry
        let (r, g, b) = png.pixel(Int(geometry.x(2)), Int(geometry.y(2)))
        // 0x0072B2 a quarter of the way to white: (64, 149, 197).
        #expect(abs(r - 64) < 30 && abs(g - 149) < 30 && abs(b - 197) < 30, "\(r), \(g), \(b)")
        var light = 0
        for y in Int(geometry.bottom) + 10..<Int(geometry.bottom) + 30 {
            for x in Int(geometry.left)..<Int(geometry.right) where png.pixel(x, y).0 > 150 { light += 1 }
        }
        #expect(light > 100, "tick labels: \(light) light pixels")
        var svg = ""
        grid.svg(width: 1200, height: 800, to: &svg)
        #expect(svg.contains("fill=\"#1a1a1a\"") && !svg.contains("fill=\"#ffffff\"/>"))
    }

    @Test("transparent: PNG with alpha 0 on the ground and an opaque curve; SVG and PDF draw no ground")
    func transparent() throws {
        let (grid, figure) = try grid(.transparent)
        let bytes = try grid.png(width: 1200, height: 800, comment: "")
        #expect(bytes[25] == 6, "colour type \(bytes[25]): RGBA is 6")
        let png = try #require(DecodedPNG(bytes, alpha: true))
        #expect(png.alpha(0, 0) == 0 && png.alpha(1199, 799) == 0)
        let geometry = PlotLayout(figure: figure, width: 1200, height: 800, scale: 1).geometry
        let (x, y) = (Int(geometry.x(2)), Int(geometry.y(2)))
        #expect(png.alpha(x, y) > 200)
        let (r, g, b) = png.pixel(x, y)
        #expect(abs(r - 0x00) < 40 && abs(g - 0x72) < 40 && abs(b - 0xB2) < 40, "\(r), \(g), \(b)")
        var svg = ""
        grid.svg(width: 1200, height: 800, to: &svg)
        #expect(!svg.contains("<rect width=\"1200\" height=\"800\""))
        let light = try self.grid(.light).grid.pdf(width: 1200, height: 800, subject: "")
        #expect(grid.pdf(width: 1200, height: 800, subject: "").count < light.count)
    }
}
