import AnketaCore
import AnketaStore
import Testing

@Suite("Import batches across waves")
struct ImportBatcherTests {
    @Test("Rows of many waves share one batch: memory holds batchSize rows however many waves a file feeds")
    func sharedBatches() throws {
        var sizes: [Int] = []
        let batcher = ImportBatcher(sinks: 4, batchSize: 3) { batch in
            sizes.append(batch.count)
            var added = Array(repeating: ImportCounts(), count: 4)
            for entry in batch { if entry.fingerprint.hasSuffix("dup") { added[entry.sink].duplicates += 1 } else { added[entry.sink].stored += 1 } }
            return added
        }
        let sinks = batcher.makeSinks()
        for index in 0..<10 {
            try sinks[index % 4].add(Response(), fingerprint: index == 9 ? "row-\(index)-dup" : "row-\(index)")
        }
        #expect(sizes == [3, 3, 3], "written as soon as three rows wait, whichever waves they are for")
        try batcher.flush()
        #expect(sizes == [3, 3, 3, 1])
        #expect(sinks.map(\.counts) == [ImportCounts(stored: 3), ImportCounts(stored: 2, duplicates: 1), ImportCounts(stored: 2), ImportCounts(stored: 2)])
    }
}
