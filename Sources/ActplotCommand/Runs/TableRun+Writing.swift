import ActivationCore

/// Where a table's bytes go: one stream (a structured `.npy`, CSV), or one file per column.
extension TableRun {
    /// How a table is laid out in bytes.
    enum Layout: String {
        /// One `.npy` of packed records.
        case npy
        /// Comma-separated rows.
        case csv
        /// One `.npy` per column.
        case columns
        /// One file per column, little-endian, without a header.
        case raw

        /// Whether the layout writes a file per column.
        var isPlanar: Bool { self == .columns || self == .raw }
    }

    /// Writes the table as one stream (`npy` or `csv`) through `emit`.
    func write(_ layout: Layout, _ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        precondition(!layout.isPlanar, "a planar layout writes a file per column")
        if layout == .csv {
            var header = csvHeader
            try header.withUTF8 { try emit(UnsafeRawBufferPointer($0)) }
        } else {
            try recordsHeader().withUnsafeBytes(emit)
        }
        if layout == .csv {
            try forEachBlock(store: { _, _ in }) { block in
                var text = csvRows(block)
                try text.withUTF8 { try emit(UnsafeRawBufferPointer($0)) }
            }
            return
        }
        let size = recordSize
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.block * size, alignment: 8)
        defer { buffer.deallocate() }
        guard let address = buffer.baseAddress else { return }
        let base = UncheckedSendable(address)
        try forEachBlock(store: { [self] in storeRecords($0, $1, at: base.value) }) { block in
            try emit(UnsafeRawBufferPointer(rebasing: buffer[0..<block.count * size]))
        }
    }

    /// The files of a planar layout beside `path` (`t.npy` → `t.x_bits.npy`, `t.f.npy`, …; `t`
    /// → `t.x_bits.npy` or `t.x_bits.bin`).
    func columnPaths(beside path: String, _ layout: Layout) -> [String] {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        var stem = Substring(path)
        var suffix = layout == .raw ? "bin" : "npy"
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = path[..<dot]
            suffix = String(path[path.index(after: dot)...])
        }
        return columns.map { "\(stem).\($0.rawValue).\(suffix)" }
    }

    /// Writes one file per column at `paths`, each appearing only when complete; a failure
    /// leaves none of those not yet renamed into place.
    func writeColumns(_ layout: Layout, to paths: [String]) throws {
        var files: [OutputFile] = []
        var committed = 0
        do {
            for path in paths { files.append(try OutputFile(path: path, example: "table.npy")) }
            if layout == .columns {
                for (file, column) in zip(files, columns) { file.stream.write(columnHeader(column)) }
            }
            let widths = columns.map { $0.width(bitWidth: format.bitWidth) }
            let buffers = widths.map {
                UnsafeMutableRawBufferPointer.allocate(byteCount: Self.block * $0, alignment: 8)
            }
            defer { buffers.forEach { $0.deallocate() } }
            let bases = UncheckedSendable(buffers.compactMap(\.baseAddress))
            let store: @Sendable (TableBlock, Range<Int>) -> Void = { [columns, widths] block, range in
                for (k, column) in columns.enumerated() {
                    block.store(column, range, at: bases.value[k], stride: widths[k])
                }
            }
            try forEachBlock(store: store) { block in
                for (k, file) in files.enumerated() {
                    file.stream.write(
                        UnsafeRawBufferPointer(rebasing: buffers[k][0..<block.count * widths[k]]))
                }
                // A failed write (a full disk) is reported by its file's commit, with its path.
                if files.contains(where: { $0.stream.failure != nil }) { throw TableRun.Stopped() }
            }
        } catch is TableRun.Stopped {
            // The failed file's commit throws the error, with its path; the others go unwritten.
            let failed = files.firstIndex { $0.stream.failure != nil } ?? 0
            for (k, file) in files.enumerated() where k != failed { file.discard() }
            try files[failed].commit()
        } catch {
            for file in files { file.discard() }
            throw error
        }
        do {
            for file in files {
                try file.commit()
                committed += 1
            }
        } catch {
            for file in files.dropFirst(committed + 1) { file.discard() }
            throw error
        }
    }

    /// Ends the computation early, when a write has failed.
    struct Stopped: Error {}
}
