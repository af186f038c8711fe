import Dispatch
import Foundation

/// Splitting a loop over the machine's cores, and allocating result buffers without zeroing them.
///
/// The engine has one thread knob and one pool of threads: `Parallel.threads` is the number of
/// pieces large matrix products (BLAS.swift) and our own loops (im2col, col2im, batch norm,
/// pooling, elementwise) are cut into, all run by `WorkerPool`. OpenBLAS itself stays
/// single-threaded: its own workers spin between calls, and beside ours they fought for the
/// same cores. `lab bench --threads N` sets it.
public enum Parallel {
    /// Threads used by matrix products and by the engine's own parallel loops (one pool, `WorkerPool`).
    public static var threads: Int = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Below this many inner-loop steps a loop runs on the calling thread: waking another
    /// thread costs a few microseconds, more than it saves on small tensors.
    static let minimumParallelWork = 131_072

    /// Calls `body` on disjoint sub-ranges covering `0..<count`, concurrently when the loop is
    /// large enough. `costPerItem` is a rough number of inner steps per index, so that a loop of
    /// a few long items (channels of a big image) is split while a loop of many tiny ones is not.
    ///
    /// `body` must only write to memory that belongs to its own indices.
    static func forEach(_ count: Int, costPerItem: Int = 1, _ body: (Range<Int>) -> Void) {
        let pieces = Swift.min(threads, count)
        guard pieces > 1, count * costPerItem >= minimumParallelWork else {
            if count > 0 { body(0..<count) }
            return
        }
        WorkerPool.shared.perform(pieces: pieces) { piece in
            let start = count * piece / pieces, end = count * (piece + 1) / pieces
            body(start..<end)
        }
    }
}

extension Array where Element == Float {
    /// An array of `count` floats that `fill` initialises completely, skipping the zero-fill
    /// `[Float](repeating: 0, count:)` would do first. Kernels that write every element use it.
    static func filled(count: Int, _ fill: (UnsafeMutablePointer<Float>) -> Void) -> [Float] {
        _ = Allocation.keepsFreedMemory
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialised in
            if count > 0 { fill(buffer.baseAddress!) }
            initialised = count
        }
    }

    /// An array of `count` floats whose contents are unspecified, for a kernel that goes on to
    /// write every element through `withUnsafeMutableBufferPointer` (floats have no invalid values).
    static func uninitialized(count: Int) -> [Float] {
        _ = Allocation.keepsFreedMemory
        return [Float](unsafeUninitializedCapacity: count) { _, initialised in initialised = count }
    }
}
