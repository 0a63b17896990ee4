/// SVG: the same layout as the PNG, text as `<text>` in the viewer's fonts
/// (``FigureGrid/svg(width:height:scale:to:)``).
public struct SVGEncoder: ImageEncoder {
    /// The encoder.
    public init() {}

    /// Writes the grid's XML.
    public func encode(_ grid: FigureGrid, width: Int, height: Int, scale: Double, comment: String)
        -> EncodedImage
    {
        var text = ""
        grid.svg(width: width, height: height, scale: scale, to: &text)
        return EncodedImage(bytes: Array(text.utf8))
    }
}

extension Figure {
    /// Writes the figure as SVG: the same layout as the PNG, curves as `<path>` with dash
    /// arrays, text as `<text>` (DejaVu Sans, falling back to any sans-serif).
    /// - Parameters:
    ///   - width: Width in pixels at scale 1.
    ///   - height: Height in pixels at scale 1.
    ///   - scale: Multiplies every length.
    ///   - out: Where the XML goes.
    public func svg(width: Int, height: Int, scale: Double = 1, to out: inout some TextOutputStream) {
        FigureGrid(panels: [self]).svg(width: width, height: height, scale: scale, to: &out)
    }
}

extension FigureGrid {
    /// Writes the panels side by side as one SVG (see ``Figure/svg(width:height:scale:to:)``).
    /// - Parameters:
    ///   - width: Width of the whole image in pixels at scale 1.
    ///   - height: Height in pixels at scale 1.
    ///   - scale: Multiplies every length.
    ///   - out: Where the XML goes.
    public func svg(width: Int, height: Int, scale: Double = 1, to out: inout some TextOutputStream) {
        let w = Int((Double(width) * scale).rounded())
        let h = Int((Double(height) * scale).rounded())
        func n(_ v: Double) -> String {
            let r = (v * 100).rounded() / 100
            return r == r.rounded() ? String(Int(r)) : String(r)
        }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.write(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\">\n"
        )
        out.write("<title>\(Self.escape(caption))</title>\n")
        if let ground = theme.background {
            out.write("<rect width=\"\(w)\" height=\"\(h)\" fill=\"\(ground.hex)\"/>\n")
        }
        for drawing in drawings(width: w, height: h, scale: scale) {
            switch drawing {
            case .rectangle(let x0, let y0, let x1, let y1, let color, let alpha):
                let opacity = alpha < 1 ? " fill-opacity=\"\(n(Double(alpha)))\"" : ""
                out.write(
                    "<rect x=\"\(x0)\" y=\"\(y0)\" width=\"\(x1 - x0)\" height=\"\(y1 - y0)\" fill=\"\(color.hex)\"\(opacity)/>\n"
                )
            case .polyline(let points, let lineWidth, let color, let dash):
                var path = ""
                var pen = false
                for p in points {
                    if p.x.isFinite && p.y.isFinite {
                        path += (pen ? "L" : "M") + n(p.x) + " " + n(p.y)
                        pen = true
                    } else {
                        pen = false
                    }
                }
                guard !path.isEmpty else { continue }
                let dashes = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash.map(n).joined(separator: " "))\""
                out.write(
                    "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color.hex)\" stroke-width=\"\(n(lineWidth))\" stroke-linecap=\"round\" stroke-linejoin=\"round\"\(dashes)/>\n"
                )
            case .polygon(let points, let color, let alpha):
                guard let first = points.first else { continue }
                let path =
                    "M" + n(first.x) + " " + n(first.y)
                    + points.dropFirst().map { "L" + n($0.x) + " " + n($0.y) }.joined() + "Z"
                let opacity = alpha < 1 ? " fill-opacity=\"\(n(Double(alpha)))\"" : ""
                out.write("<path d=\"\(path)\" fill=\"\(color.hex)\"\(opacity)/>\n")
            case .text(let text, let x, let y, let size, let color):
                out.write(
                    "<text x=\"\(n(x))\" y=\"\(n(y))\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"\(n(size))\" fill=\"\(color.hex)\">\(Self.escape(text))</text>\n"
                )
            }
        }
        out.write("</svg>\n")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
