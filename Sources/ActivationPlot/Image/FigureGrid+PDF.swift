import CLibPNG

/// PDF: the same layout as the PNG and the SVG, one page, vector throughout
/// (``FigureGrid/pdf(width:height:scale:title:)``).
public struct PDFEncoder: ImageEncoder {
    /// The encoder.
    public init() {}

    /// Writes the grid as a one-page PDF.
    public func encode(_ grid: FigureGrid, width: Int, height: Int, scale: Double, comment: String)
        -> EncodedImage
    {
        let (bytes, missing) = grid.renderPDF(width: width, height: height, scale: scale, subject: comment)
        return EncodedImage(bytes: bytes, missingCharacters: missing)
    }
}

extension FigureGrid {
    /// Points per pixel: a pixel is 1/96 inch, as in CSS, so a 1200×800 figure is a 12.5 ×
    /// 8.33 inch page.
    static let pointsPerPixel = 0.75

    /// Writes the panels as a one-page PDF 1.4 file: the drawings of the PNG and the SVG as
    /// paths, text as the compiled-in font's glyph outlines (nothing to embed, the metrics the
    /// PNG's), translucent fills through graphics states, the page's content deflated.
    ///
    /// The bytes depend on the figure alone: no date, no random identifier.
    /// - Parameters:
    ///   - width: Width of the whole image in pixels at scale 1.
    ///   - height: Height in pixels at scale 1.
    ///   - scale: Multiplies every length.
    ///   - subject: What made the figure (the command line), kept as the document's subject.
    /// - Returns: The file's bytes.
    public func pdf(width: Int, height: Int, scale: Double = 1, subject: String) -> [UInt8] {
        renderPDF(width: width, height: height, scale: scale, subject: subject).bytes
    }

    /// ``pdf(width:height:scale:subject:)``, and the characters of its text the font lacks
    /// (each drawn as a hollow box, as in the PNG), from the same drawings.
    func renderPDF(width: Int, height: Int, scale: Double, subject: String) -> (
        bytes: [UInt8], missingCharacters: [Character]
    ) {
        let w = Int((Double(width) * scale).rounded())
        let h = Int((Double(height) * scale).rounded())
        var page = PDFPage(height: Double(h))
        if let ground = theme.background { page.fill(x0: 0, y0: 0, x1: w, y1: h, ground, alpha: 1) }
        let drawings = drawings(width: w, height: h, scale: scale)
        for drawing in drawings { page.draw(drawing) }
        let bytes = PDFFile.bytes(
            page: page, width: Double(w) * Self.pointsPerPixel, height: Double(h) * Self.pointsPerPixel,
            title: caption, subject: subject)
        return (bytes, Self.missingCharacters(in: drawings, font: .dejaVuSans))
    }
}

/// A page's content stream, in pixel coordinates (y down), and the opacities it uses.
struct PDFPage {
    /// The operators.
    private(set) var content = ""
    /// Each fill opacity below 1, in the order first used: graphics state `/A<index>`.
    private(set) var opacities: [Float] = []
    private let font = GlyphFont.dejaVuSans

    /// A page whose content starts by turning pixels (y down) into points (y up).
    init(height: Double) {
        let k = FigureGrid.pointsPerPixel
        content = "\(Self.number(k)) 0 0 \(Self.number(-k)) 0 \(Self.number(height * k)) cm\n1 J 1 j\n"
    }

    /// Adds one drawing.
    mutating func draw(_ drawing: Drawing) {
        switch drawing {
        case .rectangle(let x0, let y0, let x1, let y1, let color, let alpha):
            fill(x0: x0, y0: y0, x1: x1, y1: y1, color, alpha: alpha)
        case .polyline(let points, let lineWidth, let color, let dash):
            var path = ""
            var pen = false
            for p in points {
                guard p.x.isFinite && p.y.isFinite else {
                    pen = false
                    continue
                }
                path += "\(Self.number(p.x)) \(Self.number(p.y)) \(pen ? "l" : "m")\n"
                pen = true
            }
            guard !path.isEmpty else { return }
            let dashes = dash.map { Self.number($0) }.joined(separator: " ")
            content += "\(Self.color(color)) RG \(Self.number(lineWidth)) w [\(dashes)] 0 d\n\(path)S\n"
        case .polygon(let points, let color, let alpha):
            guard let first = points.first else { return }
            var path = "\(Self.number(first.x)) \(Self.number(first.y)) m\n"
            for p in points.dropFirst() { path += "\(Self.number(p.x)) \(Self.number(p.y)) l\n" }
            filled(path + "h f\n", color, alpha: alpha)
        case .text(let text, let x, let y, let size, let color):
            glyphs(text, x: x, y: y, size: size, color)
        }
    }

    /// A filled rectangle.
    mutating func fill(x0: Int, y0: Int, x1: Int, y1: Int, _ color: RGB, alpha: Float) {
        filled("\(x0) \(y0) \(x1 - x0) \(y1 - y0) re f\n", color, alpha: alpha)
    }

    /// `path` filled in `color`, through a graphics state where it is translucent.
    private mutating func filled(_ path: String, _ color: RGB, alpha: Float) {
        guard alpha < 1 else {
            content += "\(Self.color(color)) rg\n" + path
            return
        }
        if !opacities.contains(alpha) { opacities.append(alpha) }
        let index = opacities.firstIndex(of: alpha) ?? 0
        content += "q /A\(index) gs \(Self.color(color)) rg\n" + path + "Q\n"
    }

    /// Text as filled glyph outlines (non-zero winding, as the PNG fills them), each glyph in
    /// font units under its own scale: the baseline starts at (x, y).
    private mutating func glyphs(_ text: String, x: Double, y: Double, size: Double, _ color: RGB) {
        let scale = size / font.unitsPerEm
        var pen = x
        content += "\(Self.color(color)) rg\n"
        for c in text {
            let glyph = font.glyph(c)
            if !glyph.contours.isEmpty {
                content += "q \(Self.number(scale, digits: 6)) 0 0 \(Self.number(-scale, digits: 6)) "
                content += "\(Self.number(pen)) \(Self.number(y)) cm\n"
                for contour in glyph.contours {
                    for (i, p) in contour.enumerated() {
                        content += "\(Self.number(p.x)) \(Self.number(p.y)) \(i == 0 ? "m" : "l")\n"
                    }
                    content += "h\n"
                }
                content += "f Q\n"
            }
            pen += glyph.advance * scale
        }
    }

    /// A colour as three components, for `rg` or `RG`.
    private static func color(_ c: RGB) -> String {
        [c.red, c.green, c.blue].map { number(Double($0) / 255, digits: 4) }.joined(separator: " ")
    }

    /// A number as PDF writes it: at most `digits` decimals, no exponent, no trailing zeros.
    static func number(_ v: Double, digits: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (v * scale).rounded()
        guard r.isFinite, abs(r) < 1e15 else { return "0" }
        let whole = Int(r)
        let sign = whole < 0 ? "-" : ""
        let magnitude = whole.magnitude
        let unit = UInt(scale)
        let (integer, fraction) = (magnitude / unit, magnitude % unit)
        guard fraction > 0 else { return sign + String(integer) }
        var decimals = String(fraction)
        decimals = String(repeating: "0", count: digits - decimals.count) + decimals
        while decimals.hasSuffix("0") { decimals.removeLast() }
        return sign + String(integer) + "." + decimals
    }
}

/// The objects of a one-page PDF file around a page's content.
enum PDFFile {
    /// The file: catalog, page tree, page, its content (deflated), a graphics state per
    /// opacity, the document information, and the cross-reference table.
    static func bytes(page: PDFPage, width: Double, height: Double, title: String, subject: String) -> [UInt8]
    {
        let content = Array(page.content.utf8)
        let deflated = deflate(content)
        let stream: [UInt8] =
            deflated.map { Array("<< /Length \($0.count) /Filter /FlateDecode >>\nstream\n".utf8) + $0 }
            ?? Array("<< /Length \(content.count) >>\nstream\n".utf8) + content
        let states = page.opacities.enumerated().map { "/A\($0.offset) \(6 + $0.offset) 0 R" }
        var objects: [[UInt8]] = [
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Array(
                ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(PDFPage.number(width)) \(PDFPage.number(height))]"
                    + " /Contents 4 0 R /Resources << /ExtGState << \(states.joined(separator: " ")) >> >> >>")
                    .utf8),
            stream + Array("\nendstream".utf8),
            Array(
                "<< /Title \(text(title)) /Subject \(text(subject)) /Creator (actplot) /Producer (actplot) >>"
                    .utf8),
        ]
        for alpha in page.opacities {
            objects.append(
                Array("<< /Type /ExtGState /ca \(PDFPage.number(Double(alpha), digits: 4)) >>".utf8))
        }
        var file = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".unicodeScalars.map { UInt8($0.value) })
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(file.count)
            file += Array("\(index + 1) 0 obj\n".utf8) + object + Array("\nendobj\n".utf8)
        }
        let table = file.count
        var xref = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            xref += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        xref +=
            "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 5 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        return file + Array(xref.utf8)
    }

    /// A text string: literal and escaped where it is printable ASCII, else UTF-16 in hex with
    /// a byte-order mark.
    static func text(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            var out = "("
            for c in s {
                if c == "(" || c == ")" || c == "\\" { out += "\\" }
                out.append(c)
            }
            return out + ")"
        }
        let digits = Array("0123456789ABCDEF")
        var out = "<FEFF"
        for unit in s.utf16 {
            for shift in [12, 8, 4, 0] { out.append(digits[Int((unit >> UInt16(shift)) & 15)]) }
        }
        return out + ">"
    }

    /// The zlib stream of `bytes` (FlateDecode), or nil where zlib fails.
    static func deflate(_ bytes: [UInt8]) -> [UInt8]? {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { i in
                compress2(o.baseAddress, &size, i.baseAddress, uLong(i.count), 9)
            }
        }
        return status == Z_OK ? Array(out.prefix(Int(size))) : nil
    }
}
