import Synchronization

/// How far a running survey has got: the inputs visited so far out of the inputs it visits,
/// counted by the scanning threads as each chunk ends, read by any other thread (a progress
/// bar).
///
/// ```swift
/// let progress = SurveyProgress()
/// // on another thread: FormatSurvey(evaluation, coverage: .every, progress: progress)
/// progress.fraction   // 0.37
/// ```
public final class SurveyProgress: Sendable {
    private let done = Atomic<Int>(0)
    private let planned = Atomic<Int>(0)

    /// A progress with nothing planned yet.
    public init() {}

    /// The inputs visited so far.
    public var visited: Int { done.load(ordering: .relaxed) }

    /// The inputs the surveys started so far will visit.
    public var total: Int { planned.load(ordering: .relaxed) }

    /// The part done, from 0 to 1 (0 while nothing is planned).
    public var fraction: Double {
        let total = self.total
        return total == 0 ? 0 : Double(Swift.min(visited, total)) / Double(total)
    }

    /// Adds inputs that a survey will visit (surveys run one after another add theirs up
    /// front, so that the fraction does not jump back).
    public func plan(_ inputs: Int) {
        planned.add(inputs, ordering: .relaxed)
    }

    /// Counts inputs visited.
    func advance(by inputs: Int) {
        done.add(inputs, ordering: .relaxed)
    }
}
