#if canImport(Glibc)
import Glibc
#endif

/// How tensor storage gets its memory: from the C allocator, told once to keep what it frees.
///
/// A training step allocates and frees the same large buffers every time (columns for im2col,
/// activations, gradients: megabytes each). glibc's defaults hand big requests fresh pages from
/// the kernel (mmap) and give freed memory at the top of the heap back (trim), so every step
/// pays page faults to get the same memory again — measured at 3–5 % of a DCGAN step. Raising
/// the two thresholds keeps freed memory in the process for the next step; resident memory
/// stays at the step's peak instead of going up and down. (PyTorch's CUDA caching allocator
/// exists for the same reason on GPUs.)
enum Allocation {
    /// Runs once, the first time a kernel allocates (a `static let` is initialised lazily and
    /// exactly once, even when threads race for it).
    static let keepsFreedMemory: Bool = {
        #if canImport(Glibc)
        // mallopt is declared in <malloc.h>, which Swift's Glibc module leaves out; look it up.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        // Requests below 64 MB come from the heap, not from fresh mmap'd pages ...
        let heap = mallopt(mmapThreshold, 64 << 20)
        // ... and up to 512 MB freed at the heap's top stays there for reuse.
        let trim = mallopt(trimThreshold, 512 << 20)
        return heap == 1 && trim == 1
        #else
        return false
        #endif
    }()
}
