/// A failure while writing output, or reading an input file.
package enum OutputError: Error, CustomStringConvertible {
    /// The reader of stdout went away (`actplot gelu --format csv | head`): the run ends
    /// quietly, with status 0.
    case brokenPipe
    /// stdout could not be written.
    case write(String)
    /// The output file could not be created.
    case create(String, String)
    /// Writing the output file failed.
    case writeFile(String, String)
    /// The output path names a directory; a file inside it to suggest.
    case isDirectory(String, suggestion: String)
    /// An input file (`eval --points-file`) could not be read.
    case read(String, String)

    /// The failure as one line.
    package var description: String {
        switch self {
        case .brokenPipe: "the reader of standard output went away"
        case .write(let reason): "cannot write the output: \(reason)"
        case .create(let path, let reason): "cannot create '\(path)': \(reason)"
        case .writeFile(let path, let reason): "cannot write '\(path)': \(reason); it was left as it was"
        case .isDirectory(let path, let suggestion):
            "'\(path)' is a directory; give a file name, e.g. -o \(ShellQuote.quoted(suggestion))"
        case .read(let path, let reason):
            "cannot read \(path == "-" ? "standard input" : "'\(path)'"): \(reason)"
        }
    }

    /// What went wrong, without saying where: the system's words for a failed write.
    package var reason: String {
        switch self {
        case .write(let reason), .create(_, let reason), .writeFile(_, let reason), .read(_, let reason):
            reason
        case .brokenPipe: "Broken pipe"
        case .isDirectory: "Is a directory"
        }
    }

    /// Usage errors exit 64; I/O failures 1.
    package var isUsage: Bool {
        if case .isDirectory = self { return true }
        return false
    }
}
