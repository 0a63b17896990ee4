import Synchronization

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
    var stream: ConsoleStream

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
            stream = ConsoleStream(descriptor: descriptor, brokenPipeEndsQuietly: false)
        case .missing, .regularFile:
            let slash = path.lastIndex(of: "/")
            let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            guard let file = POSIX.createTemporary(template: "\(directory)/.\(name).actplot-XXXXXX") else {
                throw OutputError.create(path, POSIX.lastError)
            }
            temporaryPath = file.path
            stream = ConsoleStream(descriptor: file.descriptor, brokenPipeEndsQuietly: false)
            Self.removeOnInterrupt(file.path)
        }
    }

    /// Closes and renames the temporary file onto the target.
    ///
    /// Like cp, sort and gzip, it does not fsync: the rename makes the file appear whole to
    /// every reader, and waiting for the disk would double the time of a large table.
    /// - Throws: ``OutputError`` for a failed write, close or rename (the temporary file is removed).
    func commit() throws {
        defer { Self.removeOnInterrupt(nil, removing: temporaryPath) }
        guard let temporaryPath else {
            let failure = stream.failure
            if !POSIX.close(descriptor) || failure != nil {
                throw failure ?? OutputError.write(POSIX.lastError)
            }
            return
        }
        if let failure = stream.failure {
            discard()
            throw OutputError.writeFile(path, failure.reason)
        }
        guard POSIX.close(descriptor), POSIX.rename(temporaryPath, to: path) else {
            let reason = POSIX.lastError
            temporaryPath.withCString(POSIX.remove)
            throw OutputError.writeFile(path, reason)
        }
    }

    /// Removes the temporary file without touching the target.
    func discard() {
        POSIX.close(descriptor)
        temporaryPath?.withCString(POSIX.remove)
        Self.removeOnInterrupt(nil, removing: temporaryPath)
    }

    /// The descriptor of the file being written.
    private var descriptor: Int32 { stream.descriptor ?? -1 }

    /// The temporary files being written, which SIGINT and SIGTERM remove.
    private static let pending = Mutex<[String]>([])

    /// The address of the temporary files' paths, or 0 for none: what a signal handler can read.
    ///
    /// Each path ends with a NUL and the list with another. The address is exchanged atomically,
    /// so that a handler reads either the old list or the new one.
    private static let pendingPaths = Atomic<UInt>(0)

    /// Adds `path` to the temporary files that SIGINT and SIGTERM remove, and drops `removing`.
    ///
    /// A run writes one file at a time, or a table's columns together; nil adds nothing.
    private static func removeOnInterrupt(_ path: String?, removing: String? = nil) {
        let paths = pending.withLock { paths in
            paths.removeAll { $0 == removing }
            if let path { paths.append(path) }
            return paths
        }
        var bytes = paths.flatMap { Array($0.utf8CString) }
        var copy: UnsafeMutablePointer<CChar>?
        if !bytes.isEmpty {
            bytes.append(0)
            copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
            copy?.initialize(from: bytes, count: bytes.count)
        }
        let old = pendingPaths.exchange(UInt(bitPattern: copy), ordering: .sequentiallyConsistent)
        UnsafeMutablePointer<CChar>(bitPattern: old)?.deallocate()
        if path != nil { POSIX.onInterrupt(onSignal) }
    }

    private static let onSignal: @convention(c) (Int32) -> Void = { signal in
        let address = OutputFile.pendingPaths.load(ordering: .sequentiallyConsistent)
        var path = UnsafeMutablePointer<CChar>(bitPattern: address)
        while let next = path, next.pointee != 0 {
            POSIX.remove(next)
            path = next + POSIX.length(next) + 1
        }
        POSIX.exitNow(128 + signal)
    }
}
