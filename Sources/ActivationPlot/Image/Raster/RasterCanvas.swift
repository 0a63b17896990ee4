/// An RGB raster with anti-aliased drawing: strokes by exact distance coverage, polygons (glyphs)
/// by signed-area accumulation, rectangles with alpha.
///
/// Coordinates are in pixels with (0, 0) at the top-left corner of the top-left pixel; pixel
/// (i, j) covers [i, i + 1) × [j, j + 1), its centre is (i + ½, j + ½).
struct RasterCanvas {
    let width: Int
    let height: Int
    /// Row-major RGB, 3 bytes a pixel.
    var pixels: [UInt8]
    /// Scratch coverage, one float a pixel; kept zero outside a drawing call.
    private var coverage: [Float]

    init(width: Int, height: Int, background: RGB) {
        self.width = width
        self.height = height
        coverage = [Float](repeating: 0, count: width * height)
        if background.red == background.green && background.green == background.blue {
            pixels = [UInt8](repeating: background.red, count: width * height * 3)
        } else {
            pixels = [UInt8](repeating: 0, count: width * height * 3)
            for i in 0..<(width * height) {
                pixels[3 * i] = background.red
                pixels[3 * i + 1] = background.green
                pixels[3 * i + 2] = background.blue
            }
        }
    }

    /// Blends `color` over pixel (x, y) with opacity `alpha` (0…1).
    @inline(__always)
    mutating func blend(_ x: Int, _ y: Int, _ color: RGB, _ alpha: Float) {
        guard x >= 0, y >= 0, x < width, y < height, alpha > 0 else { return }
        let i = 3 * (y * width + x)
        let a = Swift.min(alpha, 1)
        pixels[i] = UInt8((Float(pixels[i]) * (1 - a) + Float(color.red) * a).rounded())
        pixels[i + 1] = UInt8((Float(pixels[i + 1]) * (1 - a) + Float(color.green) * a).rounded())
        pixels[i + 2] = UInt8((Float(pixels[i + 2]) * (1 - a) + Float(color.blue) * a).rounded())
    }

    /// Fills the pixel rectangle [x0, x1) × [y0, y1) (whole pixels: crisp rules and boxes);
    /// the part outside the canvas, or an empty rectangle, draws nothing.
    mutating func fill(x0: Int, y0: Int, x1: Int, y1: Int, _ color: RGB, alpha: Float = 1) {
        let (left, right) = (Swift.max(0, x0), Swift.min(width, x1))
        let (top, bottom) = (Swift.max(0, y0), Swift.min(height, y1))
        guard left < right, top < bottom else { return }
        for y in top..<bottom {
            for x in left..<right { blend(x, y, color, alpha) }
        }
    }

    /// Strokes a polyline with round joins and caps, optionally dashed.
    ///
    /// `dash` holds on, off, on, … lengths in pixels. Coverage of a pixel is its centre's
    /// distance to the stroke's spine, clamped to [0, 1] over a one-pixel ramp; overlapping
    /// segments take the maximum, so joints are not darkened. NaN or infinite points break the line.
    mutating func stroke(
        _ points: [(x: Double, y: Double)], width lineWidth: Double, _ color: RGB, dash: [Double] = []
    ) {
        let half = lineWidth / 2
        var box = (x0: width, y0: height, x1: -1, y1: -1)
        for segment in Self.segments(of: points, dash: dash) {
            cover(segment, half: half, box: &box)
        }
        flush(box, color)
    }

    /// A stroke's spine as straight pieces (ax, ay, bx, by): the finite runs of `points`, cut
    /// into the dashes' "on" stretches; a lone point is a piece of length 0 (a round dot).
    static func segments(
        of points: [(x: Double, y: Double)], dash: [Double]
    ) -> [(Double, Double, Double, Double)] {
        var segments: [(Double, Double, Double, Double)] = []
        var runs: [[(x: Double, y: Double)]] = [[]]
        for p in points {
            if p.x.isFinite && p.y.isFinite {
                runs[runs.count - 1].append(p)
            } else if !(runs.last?.isEmpty ?? true) {
                runs.append([])
            }
        }
        for run in runs where !run.isEmpty {
            if run.count == 1 {
                segments.append((run[0].x, run[0].y, run[0].x, run[0].y))
                continue
            }
            var (phase, index, on) = (0.0, 0, true)
            for (a, b) in zip(run, run.dropFirst()) {
                guard !dash.isEmpty else {
                    segments.append((a.x, a.y, b.x, b.y))
                    continue
                }
                let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                var t = 0.0
                while t < length {
                    let remaining = dash[index] - phase
                    let step = Swift.min(remaining, length - t)
                    if on && length > 0 {
                        let (u, v) = (t / length, (t + step) / length)
                        segments.append(
                            (
                                a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u, a.x + (b.x - a.x) * v,
                                a.y + (b.y - a.y) * v
                            ))
                    }
                    t += step
                    phase += step
                    if phase >= dash[index] - 1e-12 {
                        phase = 0
                        index = (index + 1) % dash.count
                        on.toggle()
                    }
                }
            }
        }
        return segments
    }

    /// Raises the scratch coverage of the pixels within `half` (plus the one-pixel ramp) of a
    /// piece, and grows `box` to hold them.
    @inline(__always)
    private mutating func cover(
        _ segment: (Double, Double, Double, Double), half: Double,
        box: inout (x0: Int, y0: Int, x1: Int, y1: Int)
    ) {
        let (ax, ay, bx, by) = segment
        let x0 = Swift.max(0, Int(floor(Swift.min(ax, bx) - half - 1)))
        let x1 = Swift.min(width - 1, Int(ceil(Swift.max(ax, bx) + half + 1)))
        let y0 = Swift.max(0, Int(floor(Swift.min(ay, by) - half - 1)))
        let y1 = Swift.min(height - 1, Int(ceil(Swift.max(ay, by) + half + 1)))
        guard x0 <= x1, y0 <= y1 else { return }
        box = (Swift.min(box.x0, x0), Swift.min(box.y0, y0), Swift.max(box.x1, x1), Swift.max(box.y1, y1))
        let (dx, dy) = (bx - ax, by - ay)
        let lengthSquared = dx * dx + dy * dy
        for y in y0...y1 {
            let py = Double(y) + 0.5
            for x in x0...x1 {
                let px = Double(x) + 0.5
                var t = lengthSquared > 0 ? ((px - ax) * dx + (py - ay) * dy) / lengthSquared : 0
                t = Swift.min(1, Swift.max(0, t))
                let (cx, cy) = (ax + t * dx - px, ay + t * dy - py)
                let distance = (cx * cx + cy * cy).squareRoot()
                let c = Float(Swift.min(1, Swift.max(0, half + 0.5 - distance)))
                let i = y * width + x
                if c > coverage[i] { coverage[i] = c }
            }
        }
    }

    /// Composites and clears the scratch coverage inside `box`.
    private mutating func flush(_ box: (x0: Int, y0: Int, x1: Int, y1: Int), _ color: RGB) {
        guard box.x0 <= box.x1, box.y0 <= box.y1 else { return }
        for y in box.y0...box.y1 {
            for x in box.x0...box.x1 {
                let i = y * width + x
                if coverage[i] > 0 {
                    blend(x, y, color, coverage[i])
                    coverage[i] = 0
                }
            }
        }
    }

    /// Fills closed polygons (non-zero winding for non-overlapping contours, as glyphs are) by
    /// accumulating each edge's signed area per pixel and summing along rows: exact coverage.
    mutating func fill(polygons: [[(x: Double, y: Double)]], _ color: RGB, alpha: Float = 1) {
        let all = polygons.flatMap { $0 }
        guard let minX = all.map(\.x).min(), let maxX = all.map(\.x).max(), let minY = all.map(\.y).min(),
            let maxY = all.map(\.y).max()
        else { return }
        let x0 = Swift.max(0, Int(floor(minX)))
        let y0 = Swift.max(0, Int(floor(minY)))
        let x1 = Swift.min(width, Int(ceil(maxX)) + 1)
        let y1 = Swift.min(height, Int(ceil(maxY)) + 1)
        guard x0 < x1, y0 < y1 else { return }
        let w = x1 - x0 + 2
        let h = y1 - y0
        var accumulator = [Float](repeating: 0, count: w * h + 2)
        for contour in polygons {
            for (k, a) in contour.enumerated() {
                let b = contour[(k + 1) % contour.count]
                Self.accumulate(
                    &accumulator, w, h, a.x - Double(x0), a.y - Double(y0), b.x - Double(x0), b.y - Double(y0)
                )
            }
        }
        for row in 0..<h {
            var sum: Float = 0
            for column in 0..<(w - 1) {
                sum += accumulator[row * w + column]
                let c = Swift.min(1, abs(sum))
                if c > 0.001 { blend(x0 + column, y0 + row, color, c * alpha) }
            }
        }
    }

    /// Adds the signed area that edge (x0, y0)–(x1, y1) covers to each pixel (font-rs' method).
    private static func accumulate(
        _ acc: inout [Float], _ w: Int, _ h: Int, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double
    ) {
        guard ay != by else { return }
        let (direction, p0x, p0y, p1x, p1y): (Double, Double, Double, Double, Double) =
            ay < by ? (1, ax, ay, bx, by) : (-1, bx, by, ax, ay)
        let dxdy = (p1x - p0x) / (p1y - p0y)
        var x = p0x
        var yStart = Int(floor(p0y))
        if p0y < 0 {
            x -= p0y * dxdy
            yStart = 0
        }
        let yEnd = Swift.min(h, Int(ceil(p1y)))
        guard yStart < yEnd else { return }
        for y in yStart..<yEnd {
            let line = y * w
            let dy = Swift.min(Double(y + 1), p1y) - Swift.max(Double(y), p0y)
            let xNext = x + dxdy * dy
            let d = dy * direction
            let (lo, hi) = x < xNext ? (x, xNext) : (xNext, x)
            let loFloor = floor(lo)
            let loI = Int(loFloor)
            let hiCeil = ceil(hi)
            let hiI = Int(hiCeil)
            func add(_ index: Int, _ value: Double) {
                let i = line + Swift.min(Swift.max(index, 0), w - 1)
                acc[i] += Float(value)
            }
            if hiI <= loI + 1 {
                let xmf = 0.5 * (x + xNext) - loFloor
                add(loI, d - d * xmf)
                add(loI + 1, d * xmf)
            } else {
                let s = 1 / (hi - lo)
                let loF = lo - loFloor
                let a0 = 0.5 * s * (1 - loF) * (1 - loF)
                let hiF = hi - hiCeil + 1
                let am = 0.5 * s * hiF * hiF
                add(loI, d * a0)
                if hiI == loI + 2 {
                    add(loI + 1, d * (1 - a0 - am))
                } else {
                    let a1 = s * (1.5 - loF)
                    add(loI + 1, d * (a1 - a0))
                    for xi in (loI + 2)..<(hiI - 1) { add(xi, d * s) }
                    let a2 = a1 + Double(hiI - loI - 3) * s
                    add(hiI - 1, d * (1 - a2 - am))
                }
                add(hiI, d * am)
            }
            x = xNext
        }
    }

    /// Draws text with its baseline at y, starting at x, `size` pixels per em.
    mutating func text(_ text: String, x: Double, y: Double, size: Double, font: GlyphFont, _ color: RGB) {
        let scale = size / font.unitsPerEm
        var pen = x
        var polygons: [[(x: Double, y: Double)]] = []
        for c in text {
            let glyph = font.glyph(c)
            for contour in glyph.contours {
                polygons.append(contour.map { (pen + $0.x * scale, y - $0.y * scale) })
            }
            pen += glyph.advance * scale
        }
        fill(polygons: polygons, color)
    }
}
