import ActivationCore
import ActivationPlot

/// The figures of a plot: one with every function (overlay) or a panel per function, each with
/// its decorations, the differences with --diff (always a panel of their own), and the curves as
/// a format computes them with --dtype.
extension PlotRun {
    /// The panels of the run, sampled on `sampling`.
    func figures(_ plan: Plan, sampling: Sampling) -> FigureGrid {
        let o = options
        let functions = plan.functions
        if plan.layout == .stacked { return stacked(plan, sampling: sampling) }
        if let n = plan.pairs, plan.layout != .overlay { return paired(plan, sampling: sampling, pairs: n) }
        var grid: FigureGrid
        if plan.layout == .overlay || functions.count == 1 {
            var figure = Figure(
                functions: functions, sampling: sampling, derivative: o.orders.contains(1),
                secondDerivative: o.orders.contains(2), title: o.title ?? plan.title)
            decorate(&figure, plan, functions, first: 0)
            figure.applyFamilies(plan.families)
            grid = FigureGrid(panels: [finished(figure, plan)])
        } else {
            let panels = functions.enumerated().map { index, item in
                var figure = Figure(
                    functions: [item], sampling: sampling, derivative: o.orders.contains(1),
                    secondDerivative: o.orders.contains(2), firstFunction: index)
                decorate(&figure, plan, [item], first: index)
                return finished(figure, plan)
            }
            grid = FigureGrid(panels: panels, title: o.title ?? "")
            grid.arrangement = plan.layout.arrangement
            if o.ylim == nil && !o.independentY { grid.shareYRange() }
        }
        // The differences take a panel of their own, with their own y range and y label (on
        // f's scale they would be flat); the x axis is the same. Two families compared member
        // by member show each pair's.
        if o.diff {
            grid.panels.append(
                plan.pairs.map { pairedDifferences(plan, sampling: sampling, pairs: $0) }
                    ?? differences(functions, sampling: sampling))
        }
        style(&grid)
        if o.ylim == nil { grid.markExits() }
        return grid
    }

    /// A function panel with the options every panel takes: the curves `--show` names, the y
    /// interval and scale, the axis names and the legend's place; and, where its functions carry
    /// the plan's indices (`variants`), which of them are variants of one function.
    private func finished(_ figure: Figure, _ plan: Plan, variants: Bool = true) -> Figure {
        let o = options
        var figure = figure
        // A pair's panel numbers its two functions 0 and 1, not by the plan's indices.
        if variants { figure.markVariants(plan.variants) }
        figure.keepOrders(o.orders)
        figure.fixedYRange = o.ylim?.closedRange
        figure.applyYScale(o.yAxisScale)
        figure.applyXScale(o.xAxisScale)
        figure.xLabel = o.xlabel ?? figure.xLabel
        figure.yLabel = o.ylabel ?? figure.yLabel
        figure.legend = o.legendPlacement
        return figure
    }

    /// The `--diff` panel: f − g (and f′ − g′, f″ − g″ as shown) on the y scale asked for.
    private func differences(_ functions: [Named], sampling: Sampling) -> Figure {
        let o = options
        var differences = Figure.differences(
            of: functions, sampling: sampling, derivative: o.orders.contains(1),
            secondDerivative: o.orders.contains(2))
        differences.keepOrders(o.orders)
        differences.applyYScale(o.yAxisScale)
        differences.applyXScale(o.xAxisScale)
        differences.xLabel = o.xlabel ?? differences.xLabel
        differences.legend = o.legendPlacement
        return differences
    }

    /// `--layout stacked`: a panel per derivative order drawn, one under the other, each
    /// overlaying every function (f on top, under the title), and the differences in a panel
    /// of their own.
    private func stacked(_ plan: Plan, sampling: Sampling) -> FigureGrid {
        let o = options
        let functions = plan.functions
        var all = Figure(
            functions: functions, sampling: sampling, derivative: o.orders.contains(1),
            secondDerivative: o.orders.contains(2), title: o.title ?? plan.title)
        decorate(&all, plan, functions, first: 0)
        all.applyFamilies(plan.families)
        // Each panel keeps one order; `finished` then adds what every function panel takes (its
        // own keepOrders(o.orders) changes nothing left).
        var panels = o.orders.sorted().enumerated().map { index, order in
            var panel = all
            panel.keepOrders([order])
            if index > 0 { panel.title = "" }
            return finished(panel, plan)
        }
        if o.diff { panels.append(differences(functions, sampling: sampling)) }
        var grid = FigureGrid(panels: panels)
        grid.arrangement = .column
        style(&grid)
        if o.ylim == nil { grid.markExits() }
        return grid
    }

    /// compare of two families member by member: a panel per pair, titled by the value that
    /// makes it (`alpha=0.1`), each with f and g in the families' colours, and with --diff a
    /// panel of every pair's f − g.
    private func paired(_ plan: Plan, sampling: Sampling, pairs n: Int) -> FigureGrid {
        let o = options
        let functions = plan.functions
        let value = pairValue(plan)
        let panels = (0..<n).map { i -> Figure in
            var figure = Figure(
                functions: [functions[i], functions[n + i]], sampling: sampling,
                derivative: o.orders.contains(1), secondDerivative: o.orders.contains(2), title: value(i))
            decorate(&figure, plan, [functions[i], functions[n + i]], first: 0)
            return finished(figure, plan, variants: false)
        }
        var grid = FigureGrid(panels: panels, title: o.title ?? plan.title ?? "")
        grid.arrangement = plan.layout.arrangement
        if o.ylim == nil && !o.independentY { grid.shareYRange() }
        if o.diff { grid.panels.append(pairedDifferences(plan, sampling: sampling, pairs: n)) }
        style(&grid)
        if o.ylim == nil { grid.markExits() }
        return grid
    }

    /// The --diff panel of two families compared member by member: every pair's f − g, named by
    /// the pair's value.
    private func pairedDifferences(_ plan: Plan, sampling: Sampling, pairs n: Int) -> Figure {
        let functions = plan.functions
        let value = pairValue(plan)
        var all = differences([functions[0], functions[n]], sampling: sampling)
        all.series = []
        let (f, g) = (functions[0].function, functions[n].function)
        let names = (f.preset?.qualifiedName ?? f.entry.name, g.preset?.qualifiedName ?? g.entry.name)
        all.notes = [Figure.Note("f = \(names.0) and g = \(names.1) paired by value")]
        all.title = "differences f − g, pair by pair"
        for i in 0..<n {
            let pair = differences([functions[i], functions[n + i]], sampling: sampling)
            all.series += pair.series.map { series in
                var series = series
                (series.function, series.name) = (i + 1, series.name + ", " + value(i))
                return series
            }
            all.notes += pair.notes.filter { !$0.text.hasPrefix("f = ") }
        }
        all.markCoincidences()
        return all
    }

    /// What tells the i-th pair apart: the first family's member name inside its brackets
    /// (`alpha=0.1`), or the name where it has none.
    private func pairValue(_ plan: Plan) -> (Int) -> String {
        let functions = plan.functions
        return { i in
            let name = functions[i].name
            guard let open = name.firstIndex(of: "("), name.hasSuffix(")") else { return name }
            return String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        }
    }

    /// The images' theme, line width and text size, on every panel.
    private func style(_ grid: inout FigureGrid) {
        let o = options
        grid.theme = o.imageTheme
        for i in grid.panels.indices {
            grid.panels[i].lineWidth = o.lineWidth ?? grid.panels[i].lineWidth
            grid.panels[i].fontSize = o.fontSize ?? grid.panels[i].fontSize
        }
    }

    /// Flat zones, training bands and marked points of the figure's functions, then their
    /// curves as the format computes them (or only their errors, with --error).
    private func decorate(_ figure: inout Figure, _ plan: Plan, _ items: [Named], first: Int) {
        let o = options
        if o.saturation { figure.addSaturation(of: items.map(\.function), firstFunction: first) }
        figure.addTrainingBands(of: items, firstFunction: first)
        figure.addMarks(at: plan.marks, of: items, firstFunction: first)
        guard let all = plan.evaluations else { return }
        let evaluations = Array(all[first..<first + items.count])
        let names = items.map(\.name)
        if o.error {
            figure.showErrors(
                of: evaluations, names: names, firstFunction: first, derivative: o.orders.contains(1))
        } else {
            figure.addComputed(
                evaluations, names: names, firstFunction: first, total: plan.functions.count,
                derivative: o.orders.contains(1))
        }
    }
}
