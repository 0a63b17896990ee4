/// A file that appears only when complete.
///
/// It is written to a temporary file in the target's directory, then renamed over the
/// target. A failure, or SIGINT/SIGTERM, removes the temporary file and leaves any existing
/// target untouched.
///
/// A target that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO) is
/// written directly: renaming over it would replace the device.
final class OutputFile {
    let path: String
    /// The temporary file, or nil when writing straight to a device or pipe.
    private let temporaryPath: String?
    var stream: FileDescriptorStream

    /// Creates the temporary file next to `path`.
    /// - Parameters:
    ///   - path: The file to write.
    ///   - example: A file name to suggest inside `path` when it is a directory (`plot.png`).
    /// - Throws: ``OutputError`` when the directory is missing or not writable, or `path` is a directory.
    init(path: String, example: String = "plot.csv") throws {
        self.path = path
        switch POSIX.kind(of: path) {
        case .directory:
            let directory = path.hasSuffix("/") ? path : path + "/"
            throw OutputError.isDirectory(path, suggestion: directory + example)
        case .other:
            guard let descriptor = POSIX.openForWriting(path) else {
                throw OutputError.create(path, POSIX.lastError)
            }
            temporaryPath = nil
            stream = FileDescriptorStream(descriptor: descriptor)
        case .missing, .regularFile:
            let slash = path.lastIndex(of: "/")
            let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            guard let file = POSIX.createTemporary(template: "\(directory)/.\(name).actplot-XXXXXX") else {
                throw OutputError.create(path, POSIX.lastError)
            }
            temporaryPath = file.path
            stream = FileDescriptorStream(descriptor: file.descriptor)
            Self.removeOnInterrupt(file.path)
        }
        stream.quietOnBrokenPipe = false
    }

    /// Closes and renames the temporary file onto the target.
    ///
    /// Like cp, sort and gzip, it does not fsync: the rename makes the file appear whole to
    /// every reader, and waiting for the disk would double the time of a large table.
    /// - Throws: ``OutputError`` for a failed write, close or rename (the temporary file is removed).
    func commit() throws {
        defer { Self.removeOnInterrupt(nil) }
        guard let temporaryPath else {
            let failure = stream.failed
            if !POSIX.close(stream.descriptor) || failure != nil {
                throw OutputError.write(failure ?? POSIX.lastError)
            }
            return
        }
        if let reason = stream.failed {
            discard()
            throw OutputError.writeFile(path, reason)
        }
        guard POSIX.close(stream.descriptor), POSIX.rename(temporaryPath, to: path) else {
            let reason = POSIX.lastError
            temporaryPath.withCString(POSIX.remove)
            throw OutputError.writeFile(path, reason)
        }
    }

    /// Removes the temporary file without touching the target.
    func discard() {
        POSIX.close(stream.descriptor)
        temporaryPath?.withCString(POSIX.remove)
        Self.removeOnInterrupt(nil)
    }

    /// The temporary file that SIGINT and SIGTERM remove, or nil; set before the old one is
    /// freed, so that a handler never reads freed memory.
    private nonisolated(unsafe) static var pendingPath: UnsafeMutablePointer<CChar>?

    /// Makes SIGINT and SIGTERM remove `path` (nil: nothing) before the process ends.
    private static func removeOnInterrupt(_ path: String?) {
        let old = pendingPath
        pendingPath = path.map { text in
            let bytes = Array(text.utf8CString)
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
            copy.initialize(from: bytes, count: bytes.count)
            return copy
        }
        old?.deallocate()
        if path != nil { POSIX.onInterrupt(onSignal) }
    }

    private static let onSignal: @convention(c) (Int32) -> Void = { signal in
        if let path = OutputFile.pendingPath { POSIX.remove(path) }
        POSIX.exitNow(128 + signal)
    }
}
