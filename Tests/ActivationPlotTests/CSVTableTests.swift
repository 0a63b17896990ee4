import ActivationCore
import Testing

@testable import ActivationPlot

/// The CSV stream: blocks formatted on every core and written in order by a writer thread.
@Suite("CSV streaming")
struct CSVTableTests {
    /// Row counts around the block and round sizes: two rows, one block exactly, one past it,
    /// and several rounds of two buffer sets with a short last block.
    static let counts = [2, CSVTable.blockRows, CSVTable.blockRows + 1, 5 * CSVTable.blockRows + 77]

    @Test("every row, in order, each number reading back to the library's", arguments: counts)
    func rowsInOrder(count: Int) throws {
        let gelu = try Catalog.activation("gelu")
        let table = CSVTable(
            functions: [("gelu", gelu)], sampling: Sampling(from: -8, to: 8, count: count))
        var bytes: [UInt8] = []
        var calls = 0
        table.write { chunk in
            bytes.append(contentsOf: chunk)
            calls += 1
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "x,gelu,gelu'")
        #expect(lines.last == "", "the text ends with a line end")
        let rows = lines.dropFirst().dropLast()
        #expect(rows.count == count)
        #expect(calls == 1 + (count + CSVTable.blockRows - 1) / CSVTable.blockRows)
        let xs = (0..<count).map { table.sampling[$0] }
        let (values, slopes, _) = gelu.jets(xs)
        var mismatches = 0
        for (i, row) in rows.enumerated() {
            let fields = row.split(separator: ",").map { Double($0) }
            let expected = [xs[i], values[i], slopes[i]]
            if fields.count != 3 || zip(fields, expected).contains(where: { $0?.bitPattern != $1.bitPattern })
            {
                mismatches += 1
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(count) rows differ from the library's numbers")
    }
}
