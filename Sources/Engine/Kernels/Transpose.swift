/// out[j][i] = in[i][j] for a `rows × columns` row-major matrix — the copy behind a 2-D
/// `transposed()` (Linear's `x · Wᵀ` makes one every step).
///
/// A plain double loop reads one matrix along rows and writes the other along columns, touching
/// a new cache line on every write. Walking 32×32 tiles keeps both sides within 32 cache lines,
/// so each line is loaded once. `stridedOffsets` (StridedIndex.swift) is the general, slower
/// path that `permuted` uses for other orders.
func transpose(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
    let tile = 32
    for rowStart in stride(from: 0, to: rows, by: tile) {
        let rowEnd = Swift.min(rowStart + tile, rows)
        for columnStart in stride(from: 0, to: columns, by: tile) {
            let columnEnd = Swift.min(columnStart + tile, columns)
            for i in rowStart..<rowEnd {
                for j in columnStart..<columnEnd {
                    output[j &* rows &+ i] = input[i &* columns &+ j]
                }
            }
        }
    }
}
