/// The colours of an image: dark ink on white, light ink on a dark ground, or no ground at all
/// (`--theme`).
///
/// The layout draws in the light theme's colours; the dark theme recolours its drawings, greys
/// by an inverted ramp (white ground to near black, dark ink to near white) and the functions'
/// colours a quarter of the way to white, which keeps the Okabe–Ito palette as distinct on the
/// dark ground as on white.
public enum Theme: String, Sendable, CaseIterable {
    /// Dark ink on white.
    case light
    /// Light ink on #1a1a1a, for slides with a dark background.
    case dark
    /// The light theme's ink on no ground: the image takes the page's colour.
    case transparent

    /// The image's ground; nil where it is transparent.
    public var background: RGB? {
        switch self {
        case .light: RGB(0xFFFFFF)
        case .dark: RGB(0x1A1A1A)
        case .transparent: nil
        }
    }

    /// A colour of the light layout as this theme draws it.
    func colour(_ c: RGB) -> RGB {
        guard self == .dark else { return c }
        let (r, g, b) = (Double(c.red), Double(c.green), Double(c.blue))
        if r == g && g == b {
            let v = UInt32((26 + (255 - r) * (230 - 26) / 255).rounded())
            return RGB(v << 16 | v << 8 | v)
        }
        let lift = { (v: Double) -> UInt32 in UInt32((v + (255 - v) * 0.25).rounded()) }
        return RGB(lift(r) << 16 | lift(g) << 8 | lift(b))
    }
}

extension Drawing {
    /// The same drawing in a theme's colours.
    func recoloured(by theme: Theme) -> Drawing {
        switch self {
        case .rectangle(let x0, let y0, let x1, let y1, let color, let alpha):
            .rectangle(x0: x0, y0: y0, x1: x1, y1: y1, color: theme.colour(color), alpha: alpha)
        case .polyline(let points, let width, let color, let dash):
            .polyline(points: points, width: width, color: theme.colour(color), dash: dash)
        case .text(let text, let x, let y, let size, let color):
            .text(text, x: x, y: y, size: size, color: theme.colour(color))
        case .polygon(let points, let color, let alpha):
            .polygon(points: points, color: theme.colour(color), alpha: alpha)
        }
    }
}
