import ActivationCore

/// The legend of a terminal chart: one entry per series (in legend order), bands and the
/// flat-zone rule; in a free corner of the canvas, or in rows under the chart.
extension TerminalChart {
    /// One legend item: a two-cell sample and its text.
    struct LegendEntry {
        let text: String
        /// The palette slot, or nil for the dim grey of the flat-zone rule.
        let slot: Int?
        /// The two cells drawn before the text.
        let glyph: String
    }

    func legendEntries(_ figure: Figure) -> [LegendEntry] {
        var entries = figure.legendOrder.map { series in
            let pattern = Self.pattern(series.role)
            return LegendEntry(
                text: plain(series.name),
                slot: Self.slot(function: series.function, order: series.role.order),
                glyph: ascii ? String(repeating: String(pattern.ascii), count: 2) : pattern.sample)
        }
        entries += figure.bands.map {
            LegendEntry(
                text: plain($0.name), slot: Self.slot(function: $0.function),
                glyph: ascii ? "::" : "\u{2812}\u{2824}")
        }
        if !figure.shades.isEmpty {
            entries.append(
                LegendEntry(
                    text: plain("|f′| < \(DecimalText.shortest(ActivationProperties.flatThreshold))"),
                    slot: nil,
                    glyph: ascii ? "==" : "\u{2501}\u{2501}"))
        }
        return entries
    }

    /// The entries as rows under the chart: as many to a row as fit the width, three spaces
    /// apart.
    func legendRows(_ entries: [LegendEntry]) -> [[LegendEntry]] {
        var rows: [[LegendEntry]] = []
        var visible = 0
        for entry in entries {
            let length = 3 + entry.text.count
            if visible > 0 && visible + 3 + length > width {
                visible = 0
            }
            if visible == 0 { rows.append([]) }
            rows[rows.count - 1].append(entry)
            visible += (visible > 0 ? 3 : 0) + length
        }
        return rows
    }

    /// An entry's two-cell sample, coloured like its series.
    func sample(_ entry: LegendEntry) -> String {
        paint(entry.glyph, code: entry.slot.map { Self.palette[$0] } ?? Self.dim)
    }
}
