// libFuzzer harness: the terminal chart, SVG and PNG writers fed random figures.
//
// The input bytes decide everything: panels, series, their points (finite doubles of any
// magnitude, with NaN gaps), x range, marks, shades, titles and output sizes. Every writer
// must produce output of the requested size without trapping.

import ActivationCore
import ActivationPlot
import FuzzDriver

/// Reads the fuzzer's bytes as a stream of choices; past the end, zeros.
struct Bytes {
    var data: UnsafeBufferPointer<UInt8>
    var offset = 0

    mutating func byte() -> UInt8 {
        defer { offset += 1 }
        return offset < data.count ? data[offset] : 0
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let raw = Int(byte()) << 8 | Int(byte())
        return range.lowerBound + raw % (range.upperBound - range.lowerBound + 1)
    }

    /// A double from 8 bytes, or a choice of special values.
    mutating func double() -> Double {
        var bits: UInt64 = 0
        for _ in 0..<8 { bits = bits << 8 | UInt64(byte()) }
        return Double(bitPattern: bits)
    }

    /// Mostly moderate values, sometimes any finite double, sometimes a gap.
    mutating func y() -> Double {
        switch byte() % 8 {
        case 0:
            let any = double()
            return any.isFinite ? any : 0
        case 1: return .nan
        default: return Double(Int8(bitPattern: byte())) / Double(1 + Int(byte()))
        }
    }

    mutating func text() -> String {
        let count = int(0...40)
        return String(decoding: (0..<count).map { _ in byte() }, as: UTF8.self)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRender(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var input = Bytes(data: UnsafeBufferPointer(start: data, count: size))
    var lower = input.double()
    var upper = input.double()
    if !lower.isFinite || !upper.isFinite || !(lower < upper) || !(upper - lower).isFinite {
        (lower, upper) = (-Double(input.int(0...100)) - 1, Double(input.int(0...100)) + 0.5)
    }
    var panels: [Figure] = []
    for _ in 0..<input.int(1...3) {
        let count = input.int(2...200)
        let sampling = Sampling(from: lower, to: upper, count: count)
        let xs = Array(sampling)
        var series: [Figure.Series] = []
        for k in 0..<input.int(0...5) {
            let role = Figure.Role.allCases[k % Figure.Role.allCases.count]
            series.append(
                Figure.Series(
                    name: input.text(), function: input.int(0...10), role: role, x: xs,
                    y: xs.map { _ in input.y() }))
        }
        var figure = Figure(title: input.text(), series: series, xRange: lower...upper)
        for _ in 0..<input.int(0...2) {
            let x = sampling[input.int(0...(count - 1))]
            figure.marks.append(
                Figure.Mark(
                    x: x, y: input.y(), slope: input.y(), name: input.text(), function: input.int(0...9)))
        }
        if input.byte() % 4 == 0 {
            let a = sampling[input.int(0...(count - 1))]
            let b = sampling[input.int(0...(count - 1))]
            figure.shades.append(Figure.Shade(range: min(a, b)...max(a, b), function: input.int(0...9)))
        }
        panels.append(figure)
    }
    let grid = FigureGrid(panels: panels, title: input.byte() % 2 == 0 ? "" : input.text())

    let chart = TerminalChart(
        width: input.int(20...160), height: input.int(6...50), color: input.byte() % 2 == 0,
        ascii: input.byte() % 2 == 0)
    var text = ""
    chart.render(grid, to: &text)
    precondition(!text.isEmpty, "an empty chart")

    let (width, height) = (input.int(40...500), input.int(40...400))
    let scale = [0.5, 1, 1.5, 2][input.int(0...3)]
    var svg = ""
    grid.svg(width: width, height: height, scale: scale, to: &svg)
    precondition(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"), "a malformed SVG")
    do {
        let png = try grid.png(width: width, height: height, scale: scale, comment: input.text())
        precondition(png.count > 8 && png[1] == 0x50, "a malformed PNG")
    } catch {
        preconditionFailure("PNG encoding failed: \(error)")
    }
    return 0
}

/// The program's entry: SwiftPM links `main` to `<target>_main`.
@_cdecl("FuzzRender_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzRender, warmUp: [String(repeating: "\u{7}", count: 300)])
}
