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

    /// A character's advance, and where its outline starts in ``outlines``.
    struct Entry: Sendable {
        let advance: Double
        let offset: Int
    }

    let unitsPerEm: Double
    let ascender: Double
    let descender: Double
    /// Every character the font has.
    let glyphs: [Character: Entry]
    /// The outline text as bytes; a glyph's contours are read from it when the glyph is drawn.
    let outlines: [UInt8]

    init(unitsPerEm: Double, ascender: Double, descender: Double, outlines: String) {
        self.unitsPerEm = unitsPerEm
        self.ascender = ascender
        self.descender = descender
        // A byte-level index of codes and advances: this runs at every start-up, so the 467
        // outlines are only skipped here, and read for the few characters an image draws.
        let bytes = Array(outlines.utf8)
        var reader = OutlineReader(bytes: bytes)
        var glyphs: [Character: Entry] = [:]
        while let (character, entry) = reader.entry() {
            glyphs[character] = entry
        }
        self.glyphs = glyphs
        self.outlines = bytes
    }

    /// The glyph for a character, or ``missingGlyph`` (a hollow box) for one the font lacks.
    func glyph(_ c: Character) -> Glyph {
        guard let entry = glyphs[c] else { return missingGlyph }
        var reader = OutlineReader(bytes: outlines, position: entry.offset)
        return Glyph(advance: entry.advance, contours: reader.contours())
    }

    /// What a character the font lacks draws: a hollow box, as font engines show "tofu", so
    /// the gap is visible rather than a question mark that reads as text.
    var missingGlyph: Glyph {
        let (left, right, top, stroke) = (
            0.08 * unitsPerEm, 0.52 * unitsPerEm, 0.7 * unitsPerEm, 0.06 * unitsPerEm
        )
        // Outer contour clockwise (y up), inner one counter-clockwise: non-zero winding leaves a frame.
        let outer = [(left, 0.0), (left, top), (right, top), (right, 0.0)]
        let inner = [
            (left + stroke, stroke), (right - stroke, stroke), (right - stroke, top - stroke),
            (left + stroke, top - stroke),
        ]
        return Glyph(
            advance: 0.6 * unitsPerEm,
            contours: [outer.map { (x: $0.0, y: $0.1) }, inner.map { (x: $0.0, y: $0.1) }])
    }

    /// The characters of `text` the font has no glyph for (spaces and line ends aside).
    func missingCharacters(in text: String) -> Set<Character> {
        Set(text.filter { glyphs[$0] == nil && $0 != "\n" })
    }

    /// The width of `text` at `size` pixels per em.
    func width(of text: String, size: Double) -> Double {
        text.reduce(0) { $0 + (glyphs[$1]?.advance ?? missingGlyph.advance) } * size / unitsPerEm
    }
}

/// Reads the outline text of ``GlyphFont/init(unitsPerEm:ascender:descender:outlines:)``: per
/// line, a character's code in hex, a space, its advance, `;`, then `x,y` points separated by
/// spaces, contours by `|`.
private struct OutlineReader {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The byte at the reading position, or nil at the end.
    private var next: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// The next glyph's character, advance and outline offset, its outline skipped; nil at the
    /// end (or where the text is malformed).
    mutating func entry() -> (Character, GlyphFont.Entry)? {
        while true {
            while let b = next, b == 0x20 || b == 0x0A { position += 1 }
            guard let code = number(radix: 16), next == 0x20 else { return nil }
            position += 1
            guard let advance = number(), next == 0x3B else { return nil }
            position += 1
            let offset = position
            while let b = next, b != 0x0A { position += 1 }
            if let scalar = Unicode.Scalar(UInt32(code)) {
                return (Character(scalar), GlyphFont.Entry(advance: Double(advance), offset: offset))
            }
        }
    }

    /// The contours to the end of the line, each of at least three points.
    mutating func contours() -> [[(x: Double, y: Double)]] {
        var contours: [[(x: Double, y: Double)]] = []
        var contour: [(x: Double, y: Double)] = []
        while let b = next, b != 0x0A {
            if b == 0x7C || b == 0x20 {
                if b == 0x7C {
                    contours.append(contour)
                    contour = []
                }
                position += 1
                continue
            }
            guard let x = number(), next == 0x2C else { break }
            position += 1
            guard let y = number() else { break }
            contour.append((Double(x), Double(y)))
        }
        contours.append(contour)
        return contours.filter { $0.count > 2 }
    }

    /// A whole number, optionally negative, in decimal or hex.
    private mutating func number(radix: Int = 10) -> Int? {
        var negative = false
        if next == 0x2D {
            negative = true
            position += 1
        }
        var value = 0
        var digits = 0
        while let b = next {
            let digit: Int
            switch b {
            case 0x30...0x39: digit = Int(b - 0x30)
            case 0x41...0x46 where radix == 16: digit = Int(b - 0x41 + 10)
            default: digit = -1
            }
            if digit < 0 { break }
            value = value * radix + digit
            digits += 1
            position += 1
        }
        return digits > 0 ? (negative ? -value : value) : nil
    }
}
