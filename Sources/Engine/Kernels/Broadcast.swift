/// The loop behind every broadcasting elementwise op: out[i] = f(a[ia], b[ib]), where ia and ib
/// walk a and b with stride 0 along their broadcast axes.
///
/// Two fast paths cover most calls in a network (equal shapes; one side a single value);
/// the general path keeps an odometer over all axes but the last and runs the last as a tight loop.
@inline(__always)
func broadcastBinary(_ a: Tensor, _ b: Tensor, to shape: [Int],
                     _ f: (Float, Float) -> Float) -> [Float] {
    let count = shape.reduce(1, *)
    // Every path below writes every element, so the result starts uninitialised.
    return [Float](unsafeUninitializedCapacity: count) { po, initialised in
        initialised = count
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                if a.shape == b.shape {
                    for i in 0..<count { po[i] = f(pa[i], pb[i]) }
                } else if b.count == 1 {
                    let value = pb[0]
                    for i in 0..<count { po[i] = f(pa[i], value) }
                } else if a.count == 1 {
                    let value = pa[0]
                    for i in 0..<count { po[i] = f(value, pb[i]) }
                } else {
                    broadcastGeneral(pa, Shape.broadcastStrides(a.shape, to: shape),
                                     pb, Shape.broadcastStrides(b.shape, to: shape), po, shape, f)
                }
            }
        }
    }
}

@inline(__always)
private func broadcastGeneral(_ pa: UnsafeBufferPointer<Float>, _ stridesA: [Int],
                              _ pb: UnsafeBufferPointer<Float>, _ stridesB: [Int],
                              _ po: UnsafeMutableBufferPointer<Float>, _ shape: [Int],
                              _ f: (Float, Float) -> Float) {
    let rank = shape.count
    guard rank > 0, po.count > 0 else { return }
    let inner = shape[rank - 1]
    let innerA = stridesA[rank - 1], innerB = stridesB[rank - 1]
    var index = [Int](repeating: 0, count: rank)  // the odometer over the outer axes
    var offsetA = 0, offsetB = 0, outOffset = 0
    while outOffset < po.count {
        for j in 0..<inner {
            po[outOffset + j] = f(pa[offsetA + j * innerA], pb[offsetB + j * innerB])
        }
        outOffset += inner
        // Advance the odometer, carrying into higher axes.
        var axis = rank - 2
        while axis >= 0 {
            index[axis] += 1
            offsetA += stridesA[axis]
            offsetB += stridesB[axis]
            if index[axis] < shape[axis] { break }
            offsetA -= stridesA[axis] * shape[axis]
            offsetB -= stridesB[axis] * shape[axis]
            index[axis] = 0
            axis -= 1
        }
        if axis < 0 { break }
    }
}
