// The one file of the command line that imports the platform's C library: the few system calls
// actplot makes (files, signals, the terminal, the environment, exit), each wrapped once, in the
// way swift-system wraps its syscalls, so that the rest of the module speaks Swift.

#if canImport(Glibc)
    import Glibc
#else
    #error("actplot is built on Linux with glibc; add the platform's C library here")
#endif

/// The system calls of the command line.
enum POSIX {
    /// The last system call's error as text (`No space left on device`).
    static var lastError: String { String(cString: strerror(errno)) }

    // MARK: - Files

    /// What a path names.
    enum FileKind { case missing, regularFile, directory, other }

    /// What `path` names now.
    static func kind(of path: String) -> FileKind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Opens an existing file, device or pipe for writing, truncating it; nil on failure.
    static func openForWriting(_ path: String) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_TRUNC)
        return descriptor >= 0 ? descriptor : nil
    }

    /// Creates a new file from a `mkstemp` template ending in `XXXXXX`, readable as a normal
    /// file is (0644 less the umask); nil on failure.
    /// - Returns: Its descriptor and path.
    static func createTemporary(template: String) -> (descriptor: Int32, path: String)? {
        var bytes = Array(template.utf8CString)
        let descriptor = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { return nil }
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o644 & ~mask)
        return (
            descriptor,
            String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        )
    }

    /// A descriptor to read `path` from, standard input for "-"; nil when it cannot be opened.
    static func openForReading(_ path: String) -> Int32? {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
        return descriptor >= 0 ? descriptor : nil
    }

    /// The size of the regular file open at `descriptor`; nil for a pipe, a terminal, a device.
    static func regularFileSize(_ descriptor: Int32) -> Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// The first `size` bytes of the regular file open at `descriptor`, mapped read-only (the
    /// page cache's pages themselves, read in order), or nil where it cannot be mapped.
    static func map(_ descriptor: Int32, size: Int) -> UnsafeRawBufferPointer? {
        guard size > 0 else { return nil }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { return nil }
        _ = madvise(address, size, MADV_SEQUENTIAL)
        return UnsafeRawBufferPointer(start: address, count: size)
    }

    /// Unmaps what ``map(_:size:)`` mapped.
    static func unmap(_ bytes: UnsafeRawBufferPointer) {
        _ = munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }

    /// Reads up to `buffer.count` bytes, retrying after interruptions; 0 at the end.
    static func read(_ descriptor: Int32, into buffer: inout [UInt8]) -> Result<Int, ReadFailure> {
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            return count >= 0 ? .success(count) : .failure(ReadFailure(reason: lastError))
        }
    }

    /// The number that all of `text` spells, as `Double(String)` reads it (C-locale strtod:
    /// decimal, hexadecimal, inf, nan), or nil; `text` is borrowed as a C string and left as it was.
    static func double(reading text: inout [UInt8]) -> Double? {
        text.append(0)
        defer { text.removeLast() }
        return text.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars -> Double? in
                guard let base = chars.baseAddress else { return nil }
                var end: UnsafeMutablePointer<CChar>?
                let value = strtod(base, &end)
                // The whole token, up to its terminating 0, must be the number.
                return end.map { UnsafePointer($0) == base + (chars.count - 1) } == true ? value : nil
            }
        }
    }

    /// Why a read failed, as the system says it.
    struct ReadFailure: Error {
        /// The system's words: `No such file or directory`, `Is a directory`.
        let reason: String
    }

    /// Closes a descriptor; false when the close reported an error (a write that failed late).
    @discardableResult
    static func close(_ descriptor: Int32) -> Bool { Glibc.close(descriptor) == 0 }

    /// Renames `source` over `target` atomically; false on failure.
    static func rename(_ source: String, to target: String) -> Bool { Glibc.rename(source, target) == 0 }

    /// Removes a file (async-signal-safe: a signal handler may call it).
    static func remove(_ path: UnsafePointer<CChar>) { unlink(path) }

    /// The length of a C string, without its NUL (async-signal-safe).
    static func length(_ text: UnsafePointer<CChar>) -> Int { strlen(text) }

    /// Writes all of `bytes`, retrying after interruptions.
    /// - Returns: nil, or why the write failed; `brokenPipe` when the reader went away.
    static func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> WriteFailure? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno == EPIPE ? .brokenPipe : .error(lastError)
            }
            offset += n
        }
        return nil
    }

    /// Why a write failed.
    enum WriteFailure {
        /// The reader closed the pipe (`| head`).
        case brokenPipe
        /// Any other failure, as text.
        case error(String)
    }

    // MARK: - Signals and exit

    /// Lets a write to a closed pipe fail with EPIPE instead of killing the process.
    static func ignoreBrokenPipe() { signal(SIGPIPE, SIG_IGN) }

    /// Runs `handler` on SIGINT and SIGTERM, also when the parent started us with them blocked.
    static func onInterrupt(_ handler: @convention(c) (Int32) -> Void) {
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        var interrupts = sigset_t()
        sigemptyset(&interrupts)
        sigaddset(&interrupts, SIGINT)
        sigaddset(&interrupts, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &interrupts, nil)
    }

    /// Puts SIGINT and SIGTERM back to ending the process by default.
    static func defaultInterrupts() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// Writes text to stderr at once, unbuffered, ignoring failures (a progress bar's line).
    static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }

    /// Returns to the start of stderr's line and clears it (async-signal-safe: one write(2)).
    static func eraseErrorLine() {
        let erase: StaticString = "\r\u{1B}[K"
        _ = Glibc.write(STDERR_FILENO, erase.utf8Start, erase.utf8CodeUnitCount)
    }

    /// Ends the process with `status`, flushing nothing (async-signal-safe).
    static func exitNow(_ status: Int32) -> Never { _exit(status) }

    /// Ends the process with `status`.
    static func exit(_ status: Int32) -> Never { Glibc.exit(status) }

    // MARK: - The terminal and the environment

    /// The size of the terminal on `descriptor`, or nil when it is not one.
    static func terminalSize(_ descriptor: Int32) -> (columns: Int, lines: Int)? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
            return nil
        }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Whether `descriptor` is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// An environment variable's value, or nil when it is unset.
    static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
}
