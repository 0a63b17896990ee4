import ActivationCore
import CLibPNG
import Dispatch

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
            "a \(w)×\(h) PNG cannot be made: each side must be 16 to \(Figure.maximumPixels) pixels, scale included"
        case .encoder(let message): "the PNG encoder failed: \(message)"
        }
    }
}

/// PNG through libpng: 8-bit RGB, anti-aliased, the font compiled in, the command line in a
/// tEXt chunk (``FigureGrid/renderPNG(width:height:scale:comment:)``).
public struct PNGEncoder: ImageEncoder {
    /// The encoder.
    public init() {}

    /// Renders and compresses the grid.
    /// - Throws: ``PNGError``.
    public func encode(_ grid: FigureGrid, width: Int, height: Int, scale: Double, comment: String) throws
        -> EncodedImage
    {
        let (bytes, missing) = try grid.renderPNG(
            width: width, height: height, scale: scale, comment: comment)
        return EncodedImage(bytes: bytes, missingCharacters: missing)
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
        try renderPNG(width: width, height: height, scale: scale, comment: comment).bytes
    }

    /// Renders the panels as one PNG, and says which characters of its text the embedded font
    /// lacks (each drawn as a hollow box), from the same drawings.
    /// - Parameters:
    ///   - width: Width of the whole image in pixels at scale 1.
    ///   - height: Height in pixels at scale 1.
    ///   - scale: Pixel density: 2 doubles every length.
    ///   - comment: Text for the tEXt chunk.
    /// - Returns: The PNG file's bytes, and each missing character once, in the order met.
    /// - Throws: ``PNGError``.
    public func renderPNG(width: Int, height: Int, scale: Double = 1, comment: String) throws(PNGError) -> (
        bytes: [UInt8], missingCharacters: [Character]
    ) {
        let w = Int((Double(width) * scale).rounded())
        let h = Int((Double(height) * scale).rounded())
        guard w >= 16, h >= 16, w <= Figure.maximumPixels, h <= Figure.maximumPixels else {
            throw .size(width: w, height: h)
        }
        let font = GlyphFont.dejaVuSans
        let drawings = drawings(width: w, height: h, scale: scale)
        let bytes: [UInt8]
        if let ground = theme.background {
            let pixels = Self.raster(drawings, width: w, height: h, ground: ground, font: font)
            bytes = try Figure.encode(pixels, width: w, height: h, channels: 3, comment: comment)
        } else {
            let rgba = Self.unblended(
                over: Self.raster(drawings, width: w, height: h, ground: RGB(0xFFFFFF), font: font),
                and: Self.raster(drawings, width: w, height: h, ground: RGB(0x000000), font: font))
            bytes = try Figure.encode(rgba, width: w, height: h, channels: 4, comment: comment)
        }
        return (bytes, Self.missingCharacters(in: drawings, font: font))
    }

    /// The drawings rasterised on a ground of one colour: RGB bytes, row by row.
    static func raster(_ drawings: [Drawing], width w: Int, height h: Int, ground: RGB, font: GlyphFont)
        -> [UInt8]
    {
        var canvas = RasterCanvas(width: w, height: h, background: ground)
        for drawing in drawings {
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
        return canvas.pixels
    }

    /// RGBA pixels from the same drawing over white and over black: where the two differ by d,
    /// the ink covers 1 − d/255 of the pixel, and its colour is the black rendering divided by
    /// that coverage (what compositing over any ground then gives back).
    static func unblended(over white: [UInt8], and black: [UInt8]) -> [UInt8] {
        let n = white.count / 3
        return [UInt8](unsafeUninitializedCapacity: 4 * n) { out, count in
            for i in 0..<n {
                let w = (Int(white[3 * i]), Int(white[3 * i + 1]), Int(white[3 * i + 2]))
                let b = (Int(black[3 * i]), Int(black[3 * i + 1]), Int(black[3 * i + 2]))
                let alpha =
                    255 - Swift.max(0, Swift.min(255, ((w.0 - b.0) + (w.1 - b.1) + (w.2 - b.2) + 1) / 3))
                for (k, v) in [b.0, b.1, b.2].enumerated() {
                    out[4 * i + k] = alpha == 0 ? 0 : UInt8(Swift.min(255, (v * 255 + alpha / 2) / alpha))
                }
                out[4 * i + 3] = UInt8(alpha)
            }
            count = 4 * n
        }
    }

    /// The characters of the image's text that the embedded font has no glyph for (a PNG draws
    /// each as a hollow box), in the order they first appear.
    /// - Parameters:
    ///   - width: Width of the whole image in pixels at scale 1.
    ///   - height: Height in pixels at scale 1.
    ///   - scale: Pixel density.
    /// - Returns: Each missing character once.
    public func charactersMissingFromFont(width: Int, height: Int, scale: Double = 1) -> [Character] {
        let w = Int((Double(width) * scale).rounded())
        let h = Int((Double(height) * scale).rounded())
        return Self.missingCharacters(in: drawings(width: w, height: h, scale: scale), font: .dejaVuSans)
    }

    /// The characters of the drawings' text that `font` lacks, each once, in order.
    static func missingCharacters(in drawings: [Drawing], font: GlyphFont) -> [Character] {
        var seen = Set<Character>()
        var missing: [Character] = []
        for case .text(let text, _, _, _, _) in drawings {
            for c in text where !seen.contains(c) && !font.missingCharacters(in: String(c)).isEmpty {
                seen.insert(c)
                missing.append(c)
            }
        }
        return missing
    }
}

extension Figure {
    /// Rows per part of the image compressed on one core; fewer rows stay on one.
    static let rowsPerPart = 64

    static func encode(_ rgb: [UInt8], width: Int, height: Int, channels: Int, comment: String)
        throws(PNGError)
        -> [UInt8]
    {
        let latin1 =
            comment.unicodeScalars.map {
                $0.value < 256 && $0.value != 0 ? CChar(bitPattern: UInt8($0.value)) : CChar(63)
            } + [0]
        let zlib = try compress(rgb, width: width, height: height, channels: channels)
        var buffer = actplot_png_buffer(data: nil, size: 0, capacity: 0)
        var message = [CChar](repeating: 0, count: 256)
        let status = zlib.withUnsafeBufferPointer { stream in
            actplot_png_write(
                stream.baseAddress, stream.count, UInt32(width), UInt32(height), channels == 4 ? 1 : 0,
                "Description", latin1,
                &buffer,
                &message)
        }
        defer { free(buffer.data) }
        guard status == 0, let data = buffer.data else {
            throw .encoder(
                String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return Array(UnsafeBufferPointer(start: data, count: buffer.size))
    }

    /// The zlib stream of the image's rows, each Up-filtered (its difference from the row above,
    /// so the flat parts of a plot become runs of zeros) and deflated with zlib's run-length
    /// strategy, one band of rows per core; the bands' streams end byte-aligned and join into one.
    static func compress(_ rgb: [UInt8], width: Int, height: Int, channels: Int) throws(PNGError) -> [UInt8] {
        let rowBytes = channels * width
        let parts = Swift.max(1, Swift.min(Concurrency.processorCount, height / rowsPerPart))
        let band: @Sendable (Int) -> Range<Int> = { k in (height * k / parts)..<(height * (k + 1) / parts) }
        var streams = [actplot_png_buffer](repeating: actplot_png_buffer(), count: parts)
        var adlers = [UInt](repeating: 0, count: parts)
        var failed = [Bool](repeating: false, count: parts)
        defer { for stream in streams { free(stream.data) } }
        rgb.withUnsafeBufferPointer { pixels in
            streams.withUnsafeMutableBufferPointer { streams in
                adlers.withUnsafeMutableBufferPointer { adlers in
                    failed.withUnsafeMutableBufferPointer { failed in
                        let shared = UncheckedSendable((pixels, streams, adlers, failed))
                        DispatchQueue.concurrentPerform(iterations: parts) { k in
                            let (pixels, streams, adlers, failed) = shared.value
                            var filtered = Self.filtered(pixels, rows: band(k), rowBytes: rowBytes)
                            filtered.withUnsafeMutableBufferPointer { out in
                                var adler: UInt = 0
                                failed[k] =
                                    actplot_deflate_part(
                                        out.baseAddress, out.count, k == parts - 1 ? 1 : 0, &streams[k],
                                        &adler)
                                    != 0
                                adlers[k] = adler
                            }
                        }
                    }
                }
            }
        }
        guard !failed.contains(true) else { throw .encoder("zlib could not compress the image") }
        // A zlib stream: header (deflate, 32 KiB window), the joined parts, Adler-32 of it all.
        var adler = adlers[0]
        for k in 1..<parts {
            adler = adler32_combine(adler, adlers[k], off_t(band(k).count * (rowBytes + 1)))
        }
        var zlib: [UInt8] = [0x78, 0x01]
        zlib.reserveCapacity(2 + streams.reduce(0) { $0 + $1.size } + 4)
        for stream in streams {
            zlib.append(contentsOf: UnsafeBufferPointer(start: stream.data, count: stream.size))
        }
        zlib += (0..<4).map { UInt8(truncatingIfNeeded: adler >> (24 - 8 * $0)) }
        return zlib
    }

    /// The rows of a band as PNG filters them: a filter byte, then the row (None, for the first
    /// row of the image) or its difference from the row above (Up).
    static func filtered(_ pixels: UnsafeBufferPointer<UInt8>, rows: Range<Int>, rowBytes: Int) -> [UInt8] {
        let bytes = rows.count * (rowBytes + 1)
        return [UInt8](unsafeUninitializedCapacity: bytes) { out, count in
            guard let base = out.baseAddress, let image = pixels.baseAddress else { return }
            for (n, y) in rows.enumerated() {
                let row = image + y * rowBytes
                let line = base + n * (rowBytes + 1)
                line[0] = y == 0 ? 0 : 2
                if y == 0 {
                    (line + 1).update(from: row, count: rowBytes)
                } else {
                    Self.subtract(row, row - rowBytes, into: line + 1, count: rowBytes)
                }
            }
            count = bytes
        }
    }

    /// out[i] = a[i] − b[i] (mod 256): the Up filter of one row, a loop the compiler vectorises.
    @inline(__always)
    static func subtract(
        _ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, into out: UnsafeMutablePointer<UInt8>,
        count: Int
    ) {
        for i in 0..<count { out[i] = a[i] &- b[i] }
    }
}
