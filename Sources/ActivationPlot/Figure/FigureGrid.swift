/// Figures shown next to each other: one panel per function (`actplot compare`), each with
/// its own axes and legend, under one optional title.
///
/// Every writer takes a grid; a single ``Figure`` is a grid of one panel with no title of
/// its own.
public struct FigureGrid: Sendable {
    /// The panels, left to right (or top to bottom when a terminal is too narrow).
    public var panels: [Figure]
    /// The title above all panels; empty for none.
    public var title: String
    /// How the panels are placed.
    public var arrangement: Arrangement = .automatic
    /// The colours of images (PNG, SVG, PDF).
    public var theme = Theme.light

    /// How a grid's panels are placed.
    public enum Arrangement: String, Sendable, CaseIterable {
        /// In a row while each panel keeps a readable width, else in a grid of rows.
        case automatic
        /// Side by side.
        case row
        /// One under the other.
        case column
        /// Rows of ⌈√n⌉ panels (2×2 for 3 or 4, 3×2 for 5 or 6).
        case grid
    }

    /// The columns and rows the panels take in an image `width` wide, when a panel is readable
    /// from `readable` wide.
    /// - Parameters:
    ///   - width: The space across.
    ///   - readable: The narrowest panel that still reads (automatic arrangement only).
    /// - Returns: Columns × rows holding every panel.
    public func shape(width: Double, readable: Double) -> (columns: Int, rows: Int) {
        let n = panels.count
        let square = Int(Double(n).squareRoot().rounded(.up))
        let grid = (square, (n + square - 1) / square)
        switch arrangement {
        case .row: return (n, 1)
        case .column: return (1, n)
        case .grid: return grid
        case .automatic:
            return n <= 2 || width / Double(n) >= readable ? (n, 1) : grid
        }
    }

    /// A grid of panels.
    /// - Parameters:
    ///   - panels: At least one figure.
    ///   - title: A title above the panels, or "" for none.
    public init(panels: [Figure], title: String = "") {
        precondition(!panels.isEmpty, "a grid needs a panel")
        self.panels = panels
        self.title = title
    }

    /// Gives the panels one y range, the union of their data (padded as ``Figure/yRange``
    /// pads), so that heights compare across panels.
    /// - Parameter indices: The panels to share; by default all of them.
    public mutating func shareYRange(among indices: [Int]? = nil) {
        let chosen = indices ?? Array(panels.indices)
        var union = Figure(functions: [], sampling: Sampling(from: 0, to: 1, count: 2))
        union.series = chosen.flatMap { panels[$0].series }
        union.bands = chosen.flatMap { panels[$0].bands }
        union.marks = chosen.flatMap { panels[$0].marks }
        let range = union.yRange
        for i in chosen { panels[i].fixedYRange = range }
    }

    /// Marks where each panel's curves leave its y range (``Figure/markExits()``).
    public mutating func markExits() {
        for i in panels.indices { panels[i].markExits() }
    }

    /// The text for an image's title element: the grid's title, else the panels'.
    var caption: String {
        title.isEmpty ? panels.map(\.title).joined(separator: " | ") : title
    }
}
