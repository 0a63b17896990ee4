/// Families of specs: a parameter given a list or a range of values stands for one spec per
/// value (`leaky_relu:alpha=0.01,0.1,0.3`, `softplus:beta=0.5..4/8`).
extension Catalog {
    /// The most specs one family may expand to.
    public static let largestFamily = 64

    /// The specs a family spec stands for, in order; the spec itself when it names one function.
    ///
    /// ```
    /// setting = param "=" values
    /// values  = value ("," value)*            a list: it runs until the next `name=`
    ///         | value ".." value "/" count ["log"]
    ///                                         count values, both ends included, evenly or
    ///                                         log-spaced
    /// ```
    /// `softplus:beta=1,2,threshold=20` is β ∈ {1, 2} with threshold 20; two varying parameters
    /// give their product, the first varying slowest. Formulas never hold lists.
    /// - Parameter spec: The text as typed.
    /// - Returns: One spec per member, each with a single value per parameter.
    /// - Throws: ``ActivationError/malformedSpec(_:reason:)`` for a range that does not read or
    ///   a family of more than ``largestFamily`` members.
    public static func family(_ spec: String) throws(ActivationError) -> [String] {
        let text = spec.trimmingWhitespace
        guard !text.hasPrefix("new "), let colon = settingsColon(text), !isExpression(text) else {
            return [spec]
        }
        var settings: [(name: String, values: [String])] = []
        for item in text[text.index(after: colon)...].split(separator: ",", omittingEmptySubsequences: false)
        {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 {
                settings.append((String(parts[0]), [String(parts[1])]))
            } else if !settings.isEmpty, !item.trimmingWhitespace.isEmpty {
                settings[settings.count - 1].values.append(String(item))
            } else {
                return [spec]  // not a family: the spec's own reader says what is wrong
            }
        }
        var expanded: [(name: String, values: [String])] = []
        for (name, values) in settings {
            let range = values.count == 1 ? try rangeValues(values[0], spec: spec) : nil
            expanded.append((name, range ?? values))
        }
        let count = expanded.reduce(1) { Swift.min($0 * $1.values.count, largestFamily + 1) }
        guard count > 1 else { return [spec] }
        guard count <= largestFamily else {
            throw .malformedSpec(
                spec,
                reason:
                    "a family of more than \(largestFamily) functions; give fewer values or a shorter range")
        }
        let head = String(text[..<colon])
        var members = [""]
        for (name, values) in expanded {
            members = members.flatMap { prefix in
                values.map { prefix + (prefix.isEmpty ? "" : ",") + name + "=" + $0.trimmingWhitespace }
            }
        }
        return members.map { head + ":" + $0 }
    }

    /// The values of `a..b/n` (and `a..b/nlog`), written as the shortest decimals, or to 4
    /// significant digits where those run long (0..1/7, log spacing); nil for any other value.
    private static func rangeValues(_ text: String, spec: String) throws(ActivationError) -> [String]? {
        let value = text.trimmingWhitespace
        guard let dots = value.firstRange(of: "..") else { return nil }
        let example = "e.g. softplus:beta=0.5..4/8 (8 values) or 0.01..1/5log"
        guard let slash = value[dots.upperBound...].firstIndex(of: "/") else {
            throw .malformedSpec(spec, reason: "a range needs a count: MIN..MAX/N, \(example)")
        }
        var count = value[value.index(after: slash)...]
        let log = count.lowercased().hasSuffix("log")
        if log { count = count.dropLast(3) }
        guard let low = DecimalText.parse(String(value[..<dots.lowerBound]).trimmingWhitespace),
            let high = DecimalText.parse(
                String(value[dots.upperBound..<slash]).trimmingWhitespace),
            low.isFinite, high.isFinite, let n = Int(count.trimmingWhitespace)
        else {
            throw .malformedSpec(
                spec, reason: "a range is MIN..MAX/N with numbers, \(example); got '\(value)'")
        }
        guard n >= 2 && n <= largestFamily else {
            throw .malformedSpec(spec, reason: "a range takes 2 to \(largestFamily) values, got \(n)")
        }
        guard low < high else {
            throw .malformedSpec(spec, reason: "a range runs from MIN up to MAX, got '\(value)'")
        }
        guard !log || low > 0 else {
            throw .malformedSpec(spec, reason: "a log-spaced range needs MIN > 0, got '\(value)'")
        }
        return (0..<n).map { k in
            let t = Double(k) / Double(n - 1)
            let v = k == n - 1 ? high : log ? low * pow(high / low, t) : low + (high - low) * t
            let shortest = DecimalText.shortest(v)
            return shortest.count <= 8 ? shortest : NumberText.format(v, significantDigits: 4)
        }
    }
}
