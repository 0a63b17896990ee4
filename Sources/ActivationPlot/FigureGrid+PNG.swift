import CLibPNG

/// Why a PNG could not be made.
public enum PNGError: Error, CustomStringConvertible, Sendable {
    /// The requested size is empty or too large to hold in memory.
    case size(width: Int, height: Int)
    /// libpng reported a failure.
    case encoder(String)

    /// One line saying what went wrong.
    public var description: String {
        switch self {
        case .size(let w, let h):
            "a \(w)×\(h) PNG cannot be made: each side must be 16 to \(Figure.maximumPixels) pixels after --scale"
        case .encoder(let message): "the PNG encoder failed: \(message)"
        }
    }
}

extension Figure {
    /// The largest PNG side, in pixels, after scaling.
    public static let maximumPixels = 16_384

    /// Renders the figure as a PNG: 8-bit RGB, white background, one tEXt chunk (`comment`,
    /// usually the command line), no time chunk, so the same input gives the same bytes.
    /// - Parameters:
    ///   - width: Width in pixels at scale 1.
    ///   - height: Height in pixels at scale 1.
    ///   - scale: Pixel density: 2 doubles every length.
    ///   - comment: Text for the tEXt chunk (non-Latin-1 characters become `?`).
    /// - Returns: The PNG file's bytes.
    /// - Throws: ``PNGError``.
    public func png(width: Int, height: Int, scale: Double = 1, comment: String) throws(PNGError) -> [UInt8] {
        try FigureGrid(panels: [self]).png(width: width, height: height, scale: scale, comment: comment)
    }
}

extension FigureGrid {
    /// Renders the panels side by side as one PNG (see ``Figure/png(width:height:scale:comment:)``).
    /// - Parameters:
    ///   - width: Width of the whole image in pixels at scale 1.
    ///   - height: Height in pixels at scale 1.
    ///   - scale: Pixel density: 2 doubles every length.
    ///   - comment: Text for the tEXt chunk.
    /// - Returns: The PNG file's bytes.
    /// - Throws: ``PNGError``.
    public func png(width: Int, height: Int, scale: Double = 1, comment: String) throws(PNGError) -> [UInt8] {
        let w = Int((Double(width) * scale).rounded())
        let h = Int((Double(height) * scale).rounded())
        guard w >= 16, h >= 16, w <= Figure.maximumPixels, h <= Figure.maximumPixels else {
            throw .size(width: w, height: h)
        }
        let font = GlyphFont.dejaVuSans
        var canvas = RasterCanvas(width: w, height: h, background: RGB(0xFFFFFF))
        for drawing in drawings(width: w, height: h, scale: scale) {
            switch drawing {
            case .rectangle(let x0, let y0, let x1, let y1, let color, let alpha):
                canvas.fill(x0: x0, y0: y0, x1: x1, y1: y1, color, alpha: alpha)
            case .polyline(let points, let lineWidth, let color, let dash):
                canvas.stroke(points, width: lineWidth, color, dash: dash)
            case .text(let text, let x, let y, let size, let color):
                canvas.text(text, x: x, y: y, size: size, font: font, color)
            case .polygon(let points, let color, let alpha):
                canvas.fill(polygons: [points], color, alpha: alpha)
            }
        }
        return try Figure.encode(canvas.pixels, width: w, height: h, comment: comment)
    }
}

extension Figure {
    static func encode(_ rgb: [UInt8], width: Int, height: Int, comment: String) throws(PNGError) -> [UInt8] {
        let latin1 =
            comment.unicodeScalars.map {
                $0.value < 256 && $0.value != 0 ? CChar(bitPattern: UInt8($0.value)) : CChar(63)
            } + [0]
        var buffer = actplot_png_buffer(data: nil, size: 0, capacity: 0)
        var message = [CChar](repeating: 0, count: 256)
        let status = rgb.withUnsafeBufferPointer { pixels in
            actplot_png_encode(
                pixels.baseAddress, UInt32(width), UInt32(height), "Description", latin1, &buffer, &message)
        }
        defer { free(buffer.data) }
        guard status == 0, let data = buffer.data else {
            throw .encoder(
                String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return Array(UnsafeBufferPointer(start: data, count: buffer.size))
    }
}
