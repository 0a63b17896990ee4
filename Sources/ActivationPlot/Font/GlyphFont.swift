/// A vector font compiled into the binary: flattened glyph outlines and advance widths.
///
/// The outlines come from DejaVu Sans (`Scripts/make-font.py`), so text needs no font file at
/// run time and looks the same in PNG and (by its metrics) SVG.
struct GlyphFont: Sendable {
    struct Glyph: Sendable {
        /// Horizontal advance in font units.
        let advance: Double
        /// Closed polygons in font units, y up.
        let contours: [[(x: Double, y: Double)]]
    }

    let unitsPerEm: Double
    let ascender: Double
    let descender: Double
    let glyphs: [Character: Glyph]

    init(unitsPerEm: Double, ascender: Double, descender: Double, outlines: String) {
        self.unitsPerEm = unitsPerEm
        self.ascender = ascender
        self.descender = descender
        var glyphs: [Character: Glyph] = [:]
        for line in outlines.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            guard let space = trimmed.firstIndex(of: " "), let semicolon = trimmed.firstIndex(of: ";"),
                let code = UInt32(trimmed[..<space], radix: 16), let scalar = Unicode.Scalar(code),
                let advance = Double(trimmed[trimmed.index(after: space)..<semicolon])
            else { continue }
            let body = trimmed[trimmed.index(after: semicolon)...]
            let contours = body.split(separator: "|").map { contour in
                contour.split(separator: " ").compactMap { pair -> (x: Double, y: Double)? in
                    let xy = pair.split(separator: ",")
                    guard xy.count == 2, let x = Double(xy[0]), let y = Double(xy[1]) else { return nil }
                    return (x, y)
                }
            }
            glyphs[Character(scalar)] = Glyph(advance: advance, contours: contours.filter { $0.count > 2 })
        }
        self.glyphs = glyphs
    }

    /// The glyph for a character, or the question mark's for one the font lacks.
    func glyph(_ c: Character) -> Glyph {
        glyphs[c] ?? glyphs["?"] ?? Glyph(advance: unitsPerEm / 2, contours: [])
    }

    /// The width of `text` at `size` pixels per em.
    func width(of text: String, size: Double) -> Double {
        text.reduce(0) { $0 + glyph($1).advance } * size / unitsPerEm
    }
}
