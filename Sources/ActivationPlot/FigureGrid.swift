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

    /// The text for an image's title element: the grid's title, else the panels'.
    var caption: String {
        title.isEmpty ? panels.map(\.title).joined(separator: " | ") : title
    }
}
