import ActivationCore

/// The legend of a terminal chart: one entry per series (in legend order), bands, each
/// function's flat-zone rule; in a free corner of the canvas, or in rows under the chart.
extension TerminalChart {
    /// One legend item: a sample of the curve and its text.
    struct LegendEntry {
        let text: String
        /// The owner whose colour the sample takes, or nil for the frame's grey.
        let owner: Int?
        /// The cells drawn before the text: the curve's exact glyph and pattern.
        let glyph: String

        /// Columns the entry takes: the sample, a space, the text.
        var width: Int { glyph.count + 1 + text.count }
    }

    func legendEntries(_ figure: Figure) -> [LegendEntry] {
        let markers = usesMarkers(figure)
        var entries = figure.legendOrder.map { series in
            let owner = Self.owner(of: series)
            return LegendEntry(
                text: plain(series.legendName), owner: owner,
                glyph: sample(role: series.role, owner: owner, markers: markers))
        }
        entries += figure.bands.map {
            LegendEntry(
                text: plain($0.name), owner: $0.function, glyph: ascii ? ":::" : "\u{2812}\u{2824}\u{2812}")
        }
        // One entry per function: its zones are tinted, and the rule drawn, in its colour.
        entries += figure.flatZoneLabels.map {
            LegendEntry(
                text: plain($0.text), owner: $0.function, glyph: ascii ? "===" : "\u{2501}\u{2501}\u{2501}")
        }
        return entries
    }

    /// The entries as rows under the chart: as many to a row as fit the width, three spaces
    /// apart.
    func legendRows(_ entries: [LegendEntry]) -> [[LegendEntry]] {
        var rows: [[LegendEntry]] = []
        var visible = 0
        for entry in entries {
            if visible > 0 && visible + 3 + entry.width > width {
                visible = 0
            }
            if visible == 0 { rows.append([]) }
            rows[rows.count - 1].append(entry)
            visible += (visible > 0 ? 3 : 0) + entry.width
        }
        return rows
    }

    /// An entry's sample, coloured like its series.
    func sample(_ entry: LegendEntry) -> String {
        paint(entry.glyph, code: entry.owner.map { code(owner: $0) } ?? Self.dim)
    }
}
