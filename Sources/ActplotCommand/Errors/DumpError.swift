/// A kernel's dump that `actplot check` cannot read, or that does not fit the check (a bad
/// header, a type that cannot hold the format, a length that differs from the inputs'): exit
/// status 2, apart from a failed check (1) and a usage error (64).
package struct DumpError: Error, CustomStringConvertible {
    /// The file, as given.
    package let path: String
    /// What is wrong, and what would fit.
    package let reason: String

    /// A dump error for `path`.
    package init(_ path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `'y.npy': REASON`, or `standard input: REASON`.
    package var description: String { (path == "-" ? "standard input" : "'\(path)'") + ": " + reason }
}

/// A command whose answer is a verdict (`check`) and whose verdict is "fail": it has printed its
/// report and summary, and the process ends with `status` without an error line.
package struct FailedVerdict: Error {
    /// The exit status: 1.
    package let status: Int32
}
