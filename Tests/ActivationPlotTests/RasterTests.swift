import Testing

@testable import ActivationPlot

/// The rasterizer: coverage of strokes and dashes, polygon fill.
@Suite("Raster canvas")
struct RasterTests {
    /// Darkness 0…1 of each pixel of a black-on-white canvas.
    func ink(_ c: RasterCanvas) -> [Double] {
        (0..<(c.width * c.height)).map { 1 - Double(c.pixels[3 * $0]) / 255 }
    }

    @Test("a horizontal line 2 px wide puts 2 px of ink in each column, none elsewhere")
    func horizontal() {
        var c = RasterCanvas(width: 40, height: 20, background: RGB(0xFFFFFF))
        c.stroke([(5, 10), (35, 10)], width: 2, RGB(0x000000))
        let i = ink(c)
        for x in 10..<30 {
            let column = (0..<20).map { i[$0 * 40 + x] }.reduce(0, +)
            #expect(abs(column - 2) < 0.02, "column \(x): \(column)")
        }
        #expect((0..<40).allSatisfy { i[2 * 40 + $0] == 0 })
    }

    @Test("a 45° line has the same ink per unit length as a horizontal one")
    func diagonal() {
        var c = RasterCanvas(width: 60, height: 60, background: RGB(0xFFFFFF))
        c.stroke([(10, 10), (50, 50)], width: 2, RGB(0x000000))
        let total = ink(c).reduce(0, +)
        let expected = 2 * 40 * 2.squareRoot() + Double.pi  // body plus the two round caps
        #expect(abs(total - expected) / expected < 0.05, "ink \(total), expected \(expected)")
    }

    @Test("a dash pattern leaves gaps: about the on-fraction of the ink")
    func dashes() {
        var solid = RasterCanvas(width: 200, height: 20, background: RGB(0xFFFFFF))
        solid.stroke([(10, 10), (190, 10)], width: 2, RGB(0x000000))
        var dashed = RasterCanvas(width: 200, height: 20, background: RGB(0xFFFFFF))
        dashed.stroke([(10, 10), (190, 10)], width: 2, RGB(0x000000), dash: [6, 6])
        let ratio = ink(dashed).reduce(0, +) / ink(solid).reduce(0, +)
        #expect(ratio > 0.45 && ratio < 0.7, "ratio \(ratio)")
        let row = ink(dashed)[(10 * 200)..<(11 * 200)]
        #expect(row.contains { $0 == 0 } && row.contains { $0 > 0.9 })
    }

    @Test("a polygon's coverage is its area")
    func polygon() {
        var c = RasterCanvas(width: 30, height: 30, background: RGB(0xFFFFFF))
        c.fill(polygons: [[(5.5, 5.25), (20.5, 5.25), (20.5, 15.75), (5.5, 15.75)]], RGB(0x000000))
        let total = ink(c).reduce(0, +)
        #expect(abs(total - 15 * 10.5) < 0.5, "area \(total)")
        var triangle = RasterCanvas(width: 30, height: 30, background: RGB(0xFFFFFF))
        triangle.fill(polygons: [[(2, 2), (22, 2), (2, 22)]], RGB(0x000000))
        #expect(abs(ink(triangle).reduce(0, +) - 200) < 1)
    }

    @Test("text leaves ink of the glyphs' size; every catalog character has a glyph")
    func text() {
        var c = RasterCanvas(width: 200, height: 40, background: RGB(0xFFFFFF))
        c.text("gelu′ −0.5", x: 5, y: 30, size: 20, font: .dejaVuSans, RGB(0x000000))
        #expect(ink(c).reduce(0, +) > 100)
        for ch in "abcxyz0123456789.,−′″()=αβλσ" { #expect(GlyphFont.dejaVuSans.glyphs[ch] != nil, "\(ch)") }
        #expect(abs(GlyphFont.dejaVuSans.width(of: "0", size: 2048) - 1303) < 1)
    }
}
