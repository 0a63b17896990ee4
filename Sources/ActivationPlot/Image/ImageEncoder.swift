/// A file format a figure grid is written in as an image (PNG, SVG): one type per format,
/// beside the code that draws it.
///
/// A command that writes images needs nothing else of a format: a new one is its encoder
/// and the command's entry for it.
public protocol ImageEncoder: Sendable {
    /// Encodes the panels of a grid as one image.
    /// - Parameters:
    ///   - grid: The panels.
    ///   - width: Width of the whole image in pixels at scale 1.
    ///   - height: Height in pixels at scale 1.
    ///   - scale: Pixel density: 2 doubles every length.
    ///   - comment: What made the image (the command line), where the format can keep it.
    /// - Returns: The file's bytes, and the characters drawn without a glyph.
    /// - Throws: The format's error, one line for a person.
    func encode(_ grid: FigureGrid, width: Int, height: Int, scale: Double, comment: String) throws
        -> EncodedImage
}

/// An image file's bytes, and what its text could not show.
public struct EncodedImage: Sendable {
    /// The file.
    public var bytes: [UInt8]
    /// Each character of the text that the image's font has no glyph for (drawn as a hollow
    /// box), once, in the order met; empty where the viewer's fonts draw the text (SVG).
    public var missingCharacters: [Character]

    /// An image and the characters missing from its font.
    public init(bytes: [UInt8], missingCharacters: [Character] = []) {
        self.bytes = bytes
        self.missingCharacters = missingCharacters
    }
}
