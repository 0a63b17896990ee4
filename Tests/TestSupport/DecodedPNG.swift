import CLibPNG

/// Decoded pixels of a PNG (libpng's simplified reader), RGB, or RGBA when asked.
public struct DecodedPNG {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Row-major RGB bytes (RGBA with `alpha`).
    public let rgb: [UInt8]
    /// 3, or 4 with the alpha channel.
    public let channels: Int

    /// Decodes PNG bytes, with their alpha channel when `alpha` is set; nil when libpng rejects
    /// them.
    public init?(_ bytes: [UInt8], alpha: Bool = false) {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let ok = bytes.withUnsafeBufferPointer {
            png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count)
        }
        guard ok != 0 else { return nil }
        channels = alpha ? 4 : 3
        image.format = UInt32(PNG_FORMAT_RGB) | (alpha ? UInt32(PNG_FORMAT_FLAG_ALPHA) : 0)
        var buffer = [UInt8](repeating: 0, count: Int(image.width * image.height) * channels)
        let done = bytes.withUnsafeBufferPointer { _ in
            buffer.withUnsafeMutableBufferPointer {
                png_image_finish_read(&image, nil, $0.baseAddress, 0, nil)
            }
        }
        guard done != 0 else { return nil }
        width = Int(image.width)
        height = Int(image.height)
        rgb = buffer
    }

    /// The colour at (x, y), y down.
    public func pixel(_ x: Int, _ y: Int) -> (Int, Int, Int) {
        let i = channels * (y * width + x)
        return (Int(rgb[i]), Int(rgb[i + 1]), Int(rgb[i + 2]))
    }

    /// The opacity at (x, y), 0 to 255 (255 without an alpha channel).
    public func alpha(_ x: Int, _ y: Int) -> Int {
        channels == 4 ? Int(rgb[channels * (y * width + x) + 3]) : 255
    }
}
