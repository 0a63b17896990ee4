/// "Did you mean" suggestions by edit distance.
package enum Suggestion {
    /// The candidate closest to `text`, if close enough to be a plausible typo.
    /// - Parameters:
    ///   - text: What was typed.
    ///   - candidates: The names that exist.
    /// - Returns: The nearest candidate by edit distance on normalised names, or nil.
    package static func nearestName(to text: String, among candidates: [String]) -> String? {
        nearest(to: text, among: candidates)
    }

    /// The candidate closest to `text` (optimal string alignment distance on normalised
    /// names), if it is close enough to be a plausible typo.
    static func nearest(to text: String, among candidates: [String]) -> String? {
        let key = Array(Catalog.normalize(text))
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(key, Array(Catalog.normalize(candidate)))
            if d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        guard let (name, d) = best else { return nil }
        return d <= Swift.max(2, key.count / 3) ? name : nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions, transpositions.
    package static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
