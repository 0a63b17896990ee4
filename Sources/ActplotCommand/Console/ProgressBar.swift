import ActivationCore
import Dispatch

/// A progress bar on stderr while a long survey runs: one line, redrawn five times a second
/// from half a second on (a short run never shows one), erased when the work ends.
///
/// It is drawn only when stderr is a terminal (``ConsoleEnvironment/progressWidth``), straight
/// to descriptor 2 from its own thread, so that the work it watches goes on undisturbed:
///
/// ```
/// sigmoid in float32  [██████████▌         ]  52%  2.22 of 4.28 G inputs  0:44 left
/// ```
final class ProgressBar: Sendable {
    private let progress: SurveyProgress
    private let label: String
    private let width: Int
    private let unicode: Bool
    /// Signalled once, when the work ends: it wakes the drawing thread early.
    private let done = DispatchSemaphore(value: 0)
    /// Signalled by the drawing thread when it has erased its line.
    private let erased = DispatchSemaphore(value: 0)

    /// A bar for `progress`, `label` in front, as wide as the terminal.
    init(_ progress: SurveyProgress, label: String, width: Int, unicode: Bool) {
        self.progress = progress
        self.label = label
        self.width = width
        self.unicode = unicode
    }

    /// Runs `work` with a progress bar on stderr when it is a terminal, and with SIGINT and
    /// SIGTERM ending the process at once with 128 + the signal (130 for Ctrl-C), the bar
    /// erased and nothing half-written: a survey prints only when it is complete.
    /// - Parameters:
    ///   - progress: What `work` advances.
    ///   - label: What is being done, in a few words.
    ///   - environment: Where the run is.
    ///   - work: The work.
    static func run<T>(
        _ progress: SurveyProgress, label: String, in environment: ConsoleEnvironment, _ work: () throws -> T
    ) rethrows -> T {
        defer { POSIX.defaultInterrupts() }
        guard let width = environment.progressWidth else {
            POSIX.onInterrupt(onSignal)
            return try work()
        }
        POSIX.onInterrupt(onSignalErasing)
        let bar = ProgressBar(progress, label: label, width: width, unicode: environment.unicode)
        DispatchQueue.global().async { bar.draw() }
        defer {
            bar.done.signal()
            bar.erased.wait()
        }
        return try work()
    }

    /// The drawing loop: after half a second, a line five times a second until the work ends.
    private func draw() {
        let start = DispatchTime.now().uptimeNanoseconds
        var shown = false
        var wait = 0.5
        while done.wait(timeout: .now() + wait) == .timedOut {
            wait = 0.2
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            POSIX.writeError("\r" + line(elapsed: elapsed) + "\u{1B}[K")
            shown = true
        }
        if shown { POSIX.writeError("\r\u{1B}[K") }
        erased.signal()
    }

    /// The line: label, bar, percentage, inputs, time left.
    ///
    /// The bar takes what the terminal leaves (10 to 40 cells); where it is narrow, the inputs
    /// go first, then the time left, then the bar.
    func line(elapsed: Double) -> String {
        let fraction = progress.fraction
        let percent = "\(Int(fraction * 100))%".leftPadded(to: 4)
        let count = "\(Self.giga(progress.visited)) of \(Self.giga(progress.total)) G inputs"
        let left =
            fraction > 0.01 && elapsed > 1 ? Self.clock(elapsed * (1 - fraction) / fraction) + " left" : ""
        for parts in [[percent, count, left], [percent, left], [percent]] {
            let tail = parts.filter { !$0.isEmpty }.joined(separator: "  ")
            // Three columns stay free: a ^C the terminal echoes after the line must not wrap.
            let room = width - 3 - label.count - tail.count - 6
            if room >= 10 { return label + "  [" + bar(fraction, cells: Swift.min(room, 40)) + "]  " + tail }
        }
        return String((label + "  " + percent).prefix(width - 3))
    }

    /// A bar of `cells` cells filled to `fraction`, in eighths of a cell with Unicode.
    private func bar(_ fraction: Double, cells: Int) -> String {
        guard unicode else {
            let filled = Int(fraction * Double(cells))
            return String(repeating: "#", count: filled) + String(repeating: ".", count: cells - filled)
        }
        let eighths = Int(fraction * Double(cells * 8))
        let (full, part) = (eighths / 8, eighths % 8)
        let partial = part > 0 ? String(Array("▏▎▍▌▋▊▉")[part - 1]) : ""
        let blank = cells - full - (partial.isEmpty ? 0 : 1)
        return String(repeating: "█", count: full) + partial + String(repeating: " ", count: blank)
    }

    /// Inputs in billions, 3 significant digits: 4.28, 0.0163.
    static func giga(_ n: Int) -> String {
        NumberText.format(Double(n) / 1e9, significantDigits: 3)
    }

    /// Seconds as m:ss (h:mm:ss from an hour).
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
    }

    /// Ends the process (async-signal-safe).
    private static let onSignal: @convention(c) (Int32) -> Void = { signal in
        POSIX.exitNow(128 + signal)
    }

    /// Erases the bar's line and ends the process (async-signal-safe).
    private static let onSignalErasing: @convention(c) (Int32) -> Void = { signal in
        POSIX.eraseErrorLine()
        POSIX.exitNow(128 + signal)
    }
}

extension String {
    /// The string with spaces in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: Swift.max(0, width - count)) + self
    }
}
