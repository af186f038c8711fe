/// Sums over contiguous floats, eight lanes at a time.
///
/// A plain `for i in … { total += x[i] }` is one long chain of dependent additions: each must
/// wait for the previous one (about 4 cycles), and the compiler may not reorder them, because
/// float addition is not associative. Keeping eight partial sums in a SIMD register breaks the
/// chain and lets the additions run in parallel; the partial sums are added at the end. (The
/// result can differ from the sequential sum in the last bits, as PyTorch's does.)
@inline(__always)
func contiguousSum(_ x: UnsafePointer<Float>, count: Int) -> Float {
    var lanes = SIMD8<Float>(repeating: 0)
    var i = 0
    while i + 8 <= count {
        lanes += UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
        i += 8
    }
    var total = lanes.sum()
    while i < count { total += x[i]; i += 1 }
    return total
}

/// Σ (x[i] − shift)², eight lanes at a time (the variance's numerator when `shift` is the mean).
@inline(__always)
func sumOfSquaredDeviations(_ x: UnsafePointer<Float>, count: Int, from shift: Float) -> Float {
    var lanes = SIMD8<Float>(repeating: 0)
    let shifts = SIMD8<Float>(repeating: shift)
    var i = 0
    while i + 8 <= count {
        let d = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self) - shifts
        lanes += d * d
        i += 8
    }
    var total = lanes.sum()
    while i < count { let d = x[i] - shift; total += d * d; i += 1 }
    return total
}

/// (Σ g[i], Σ g[i]·(x[i] − shift)) in one pass: batch norm's backward needs both.
@inline(__always)
func sumAndCenteredDot(_ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, count: Int,
                       shift: Float) -> (sum: Float, dot: Float) {
    var sums = SIMD8<Float>(repeating: 0), dots = SIMD8<Float>(repeating: 0)
    let shifts = SIMD8<Float>(repeating: shift)
    var i = 0
    while i + 8 <= count {
        let gv = UnsafeRawPointer(g + i).loadUnaligned(as: SIMD8<Float>.self)
        let xv = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
        sums += gv
        dots += gv * (xv - shifts)
        i += 8
    }
    var sum = sums.sum(), dot = dots.sum()
    while i < count { sum += g[i]; dot += g[i] * (x[i] - shift); i += 1 }
    return (sum, dot)
}
