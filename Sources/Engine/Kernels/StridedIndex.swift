/// For each element of a tensor of `shape`, in row-major order, the offset `Σ index[axis] · strides[axis]`.
///
/// With permuted strides this reads a transposed view; with stride 0 on an axis it reads a
/// broadcast view; with stride 0 on the *reduced* axes of a keep-dims shape it tells where each
/// input element lands in a reduction. One odometer serves permute, expand and the reductions.
func stridedOffsets(shape: [Int], strides: [Int]) -> [Int] {
    let count = shape.reduce(1, *)
    var offsets = [Int](repeating: 0, count: count)
    guard count > 0 else { return offsets }
    let rank = shape.count
    var index = [Int](repeating: 0, count: rank)
    var offset = 0
    for i in 0..<count {
        offsets[i] = offset
        var axis = rank - 1
        while axis >= 0 {
            index[axis] += 1
            offset += strides[axis]
            if index[axis] < shape[axis] { break }
            offset -= strides[axis] * shape[axis]
            index[axis] = 0
            axis -= 1
        }
    }
    return offsets
}
