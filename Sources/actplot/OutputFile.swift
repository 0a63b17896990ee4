#if canImport(Glibc)
    import Glibc
#endif

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
    /// - Throws: ``OutputError`` when the directory is missing or not writable, or `path` is a directory.
    init(path: String) throws {
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            throw OutputError.isDirectory(path)
        }
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            let descriptor = open(path, O_WRONLY | O_TRUNC)
            guard descriptor >= 0 else { throw OutputError.create(path, String(cString: strerror(errno))) }
            self.path = path
            self.temporaryPath = nil
            self.stream = FileDescriptorStream(descriptor: descriptor)
            self.stream.quietOnBrokenPipe = false
            return
        }
        let directory: String
        let name: String
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
            name = String(path[path.index(after: slash)...])
        } else {
            directory = "."
            name = path
        }
        var template = Array("\(directory)/.\(name).actplot-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else {
            throw OutputError.create(path, String(cString: strerror(errno)))
        }
        self.path = path
        self.temporaryPath = String(
            decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.stream = FileDescriptorStream(descriptor: descriptor)
        self.stream.quietOnBrokenPipe = false
        fchmod(descriptor, 0o644 & ~currentUmask())
        OutputFile.registerForCleanup(temporaryPath)
    }

    /// Closes and renames the temporary file onto the target.
    ///
    /// Like cp, sort and gzip, it does not fsync: the rename makes the file appear whole to
    /// every reader, and waiting for the disk would double the time of a large table.
    /// - Throws: ``OutputError`` for a failed write, close or rename (the temporary file is removed).
    func commit() throws {
        defer { OutputFile.registerForCleanup(nil) }
        guard let temporaryPath else {
            let failure = stream.failed
            if close(stream.descriptor) != 0 || failure != nil {
                throw OutputError.write(failure ?? String(cString: strerror(errno)))
            }
            return
        }
        if let reason = stream.failed {
            discard()
            throw OutputError.writeFile(path, reason)
        }
        if close(stream.descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError.writeFile(path, reason)
        }
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError.writeFile(path, reason)
        }
    }

    /// Removes the temporary file without touching the target.
    func discard() {
        close(stream.descriptor)
        if let temporaryPath { unlink(temporaryPath) }
        OutputFile.registerForCleanup(nil)
    }

    private func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }

    /// Installs SIGINT/SIGTERM handlers that remove the pending temporary file.
    private static func registerForCleanup(_ path: String?) {
        pendingPath?.deallocate()
        pendingPath = path.map { strdup($0) } ?? nil
        if path != nil {
            signal(SIGINT, OutputFile.onSignal)
            signal(SIGTERM, OutputFile.onSignal)
            // A parent may have started us with these blocked (a thread's mask is inherited);
            // Ctrl-C must still stop the write.
            var interrupts = sigset_t()
            sigemptyset(&interrupts)
            sigaddset(&interrupts, SIGINT)
            sigaddset(&interrupts, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &interrupts, nil)
        }
    }

    private nonisolated(unsafe) static var pendingPath: UnsafeMutablePointer<CChar>?

    private static let onSignal: @convention(c) (Int32) -> Void = { signal in
        if let path = OutputFile.pendingPath { unlink(path) }
        _exit(128 + signal)
    }
}
