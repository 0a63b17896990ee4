import Foundation
import Testing

/// Every image in Samples/, laid out again as SVG: no curve vertex lies inside a legend box.
@Suite("Gallery: legends that never hide data")
struct GalleryLegendTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The arguments of each image in Samples/README.md's table (`actplot ARGS -o FILE.png`).
    static func imageCommands() throws -> [[String]] {
        let table = try String(contentsOf: root.appendingPathComponent("Samples/README.md"), encoding: .utf8)
        return table.split(separator: "\n").compactMap { line -> [String]? in
            guard let start = line.range(of: "`actplot "),
                let end = line.range(of: " -o ", options: .backwards),
                [".png`", ".svg`", ".pdf`"].contains(where: { line.hasSuffix($0 + " |") })
            else { return nil }
            return line[start.upperBound..<end.lowerBound].split(separator: " ").map(String.init)
        }
    }

    /// The legend boxes of an SVG: its rectangles filled white at 85 %.
    static func legendBoxes(_ svg: String) -> [(x0: Double, y0: Double, x1: Double, y1: Double)] {
        svg.components(separatedBy: "<rect ").dropFirst().compactMap { element in
            let tag = " " + element.prefix { $0 != ">" }
            guard tag.contains("fill-opacity=\"0.85\"") else { return nil }
            func number(_ name: String) -> Double? {
                tag.components(separatedBy: " \(name)=\"").dropFirst().first.flatMap {
                    Double($0.prefix { $0 != "\"" })
                }
            }
            guard let x = number("x"), let y = number("y"), let w = number("width"), let h = number("height")
            else { return nil }
            return (x, y, x + w, y + h)
        }
    }

    /// The vertices of every stroked path of three points or more (curves; not a legend's
    /// swatches or an edge's rule).
    static func curveVertices(_ svg: String) -> [(x: Double, y: Double)] {
        svg.components(separatedBy: "<path d=\"").dropFirst().flatMap { element -> [(x: Double, y: Double)] in
            guard let tag = element.components(separatedBy: "/>").first, tag.contains("fill=\"none\"") else {
                return []
            }
            let d = tag.prefix { $0 != "\"" }
            let points = d.split(whereSeparator: { $0 == "M" || $0 == "L" }).compactMap {
                pair -> (Double, Double)? in
                let numbers = pair.split(separator: " ").compactMap { Double($0) }
                return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
            }
            return points.count >= 3 ? points.map { (x: $0.0, y: $0.1) } : []
        }
    }

    @Test("each Samples image's command, as SVG: its legends cover no curve vertex")
    func legendsFree() throws {
        let commands = try Self.imageCommands()
        #expect(commands.count >= 25, "\(commands.count) image commands in Samples/README.md")
        for arguments in commands {
            let run = try InProcess.run(arguments + ["--format", "svg"])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            let boxes = Self.legendBoxes(run.stdout)
            #expect(!boxes.isEmpty, "\(arguments): no legend")
            let vertices = Self.curveVertices(run.stdout)
            for box in boxes {
                let inside = vertices.filter { v in
                    v.x > box.x0 + 1 && v.x < box.x1 - 1 && v.y > box.y0 + 1 && v.y < box.y1 - 1
                }
                #expect(
                    inside.isEmpty,
                    "\(arguments.joined(separator: " ")): \(inside.count) vertices under a legend")
            }
        }
    }
}
