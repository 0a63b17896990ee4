/// A failure while writing output, or reading an input file.
enum OutputError: Error, CustomStringConvertible {
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

    var description: String {
        switch self {
        case .write(let reason): "cannot write the output: \(reason)"
        case .create(let path, let reason): "cannot create '\(path)': \(reason)"
        case .writeFile(let path, let reason): "cannot write '\(path)': \(reason); it was left as it was"
        case .isDirectory(let path, let suggestion):
            "'\(path)' is a directory; give a file name, e.g. -o \(ShellQuote.quoted(suggestion))"
        case .read(let path, let reason):
            "cannot read \(path == "-" ? "standard input" : "'\(path)'"): \(reason)"
        }
    }

    /// Usage errors exit 64; I/O failures 1.
    var isUsage: Bool {
        if case .isDirectory = self { return true }
        return false
    }
}
