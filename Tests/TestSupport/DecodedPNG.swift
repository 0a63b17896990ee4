import CLibPNG

/// Decoded pixels of a PNG (libpng's simplified reader), RGB.
public struct DecodedPNG {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Row-major RGB bytes.
    public let rgb: [UInt8]

    /// Decodes PNG bytes; nil when libpng rejects them.
    public init?(_ bytes: [UInt8]) {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let ok = bytes.withUnsafeBufferPointer {
            png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count)
        }
        guard ok != 0 else { return nil }
        image.format = UInt32(PNG_FORMAT_RGB)
        var buffer = [UInt8](repeating: 0, count: Int(image.width * image.height * 3))
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
        let i = 3 * (y * width + x)
        return (Int(rgb[i]), Int(rgb[i + 1]), Int(rgb[i + 2]))
    }
}
