import Dispatch
import Foundation
import Synchronization

/// The threads that run the engine's parallel loops and split matrix products: worker threads
/// that stay awake (spinning) for a moment after each piece of work, before going to sleep.
///
/// Why not just `DispatchQueue.concurrentPerform`: Dispatch puts an idle worker to sleep at once,
/// and waking it takes ~50 µs on this kind of machine (measured: two 50 µs tasks took 104 µs after
/// a 2 ms pause, 65 µs back to back). A training step runs hundreds of parallel loops and
/// products of 0.1–2 ms, so that wake-up was paid again and again. OpenMP, which PyTorch uses,
/// spins its workers for a while for the same reason (KMP_BLOCKTIME).
///
/// One caller at a time uses the workers. A loop started while they are busy runs on its own
/// thread, piece after piece: from inside a parallel loop the other cores are already taken
/// (OpenMP's rule for nested regions too), and from another thread (tests side by side) it is
/// merely slower.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()

    /// How long an idle worker spins before it sleeps: longer than the gaps between a step's
    /// parallel loops, short enough that an idle process soon stops using the core.
    static let spinNanoseconds: UInt64 = 2_000_000

    /// One worker thread. It runs piece `index` of every job it is handed.
    private final class Worker: @unchecked Sendable {
        let index: Int
        /// Increased by the caller to hand this worker a job.
        let ticket = Atomic<Int>(0)
        /// True while the worker sleeps (or is about to) on `wakeUp`.
        let sleeping = Atomic<Bool>(false)
        let wakeUp = DispatchSemaphore(value: 0)
        init(index: Int) { self.index = index }
    }

    private let busy = Atomic<Bool>(false)
    /// Whether a job is running: a product asked for from inside one is not worth splitting.
    var isBusy: Bool { busy.load(ordering: .relaxed) }
    private let remaining = Atomic<Int>(0)
    private var workers: [Worker] = []
    /// The current job; set before tickets are handed out and read by workers after (the
    /// ticket's release/acquire orders the two).
    private var job: ((Int) -> Void)?

    /// A test's view of what the workers did for it: the jobs they shared and the pieces those had.
    /// Only `perform`'s parallel path writes to it, so a test can tell a loop or a product that was
    /// really split among threads from one that quietly ran on a single thread (too small, or
    /// the workers busy with another test's job).
    final class DispatchLog: @unchecked Sendable {
        let jobs = Atomic<Int>(0)
        let pieces = Atomic<Int>(0)
        init() {}
    }

    /// The calling task's log, set by a test with `WorkerPool.$log.withValue(DispatchLog()) { … }`;
    /// nil (nothing recorded) everywhere else. It is read only once work is being handed to the
    /// workers, never on the single-threaded path.
    @TaskLocal static var log: DispatchLog?

    /// Runs `body(0)` … `body(pieces − 1)` concurrently, piece 0 on the calling thread, and
    /// returns when all are done.
    func perform(pieces: Int, _ body: (Int) -> Void) {
        guard pieces > 1 else {
            if pieces == 1 { body(0) }
            return
        }
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for piece in 0..<pieces { body(piece) }
            return
        }
        defer { busy.store(false, ordering: .releasing) }
        if let log = Self.log {
            log.jobs.add(1, ordering: .relaxed)
            log.pieces.add(pieces, ordering: .relaxed)
        }
        while workers.count < pieces - 1 { startWorker(index: workers.count + 1) }
        withoutActuallyEscaping(body) { body in
            job = body
            remaining.store(pieces - 1, ordering: .sequentiallyConsistent)
            for worker in workers[0..<(pieces - 1)] {
                worker.ticket.add(1, ordering: .sequentiallyConsistent)
                // Wake it only if it went to sleep (it checks the ticket again after saying so).
                if worker.sleeping.exchange(false, ordering: .sequentiallyConsistent) { worker.wakeUp.signal() }
            }
            body(0)
            while remaining.load(ordering: .acquiring) > 0 {}  // the workers' pieces are as long as ours
            job = nil
        }
    }

    private func startWorker(index: Int) {
        let worker = Worker(index: index)
        workers.append(worker)
        let thread = Thread { [unowned self] in self.run(worker) }
        thread.name = "engine-worker-\(index)"
        thread.start()
    }

    private func run(_ worker: Worker) {
        var seen = 0
        while true {
            // Spin for a while, then sleep until the caller signals.
            var ticket = worker.ticket.load(ordering: .acquiring)
            let start = DispatchTime.now().uptimeNanoseconds
            var spins = 0
            while ticket == seen {
                spins += 1
                if spins % 256 == 0, DispatchTime.now().uptimeNanoseconds - start > Self.spinNanoseconds {
                    worker.sleeping.store(true, ordering: .sequentiallyConsistent)
                    ticket = worker.ticket.load(ordering: .sequentiallyConsistent)
                    if ticket != seen {
                        // A job arrived meanwhile. If the caller saw `sleeping` it has signalled
                        // (or will): take that signal so it does not wake a later sleep.
                        if !worker.sleeping.exchange(false, ordering: .sequentiallyConsistent) { worker.wakeUp.wait() }
                        break
                    }
                    worker.wakeUp.wait()
                    spins = 0
                }
                ticket = worker.ticket.load(ordering: .acquiring)
            }
            seen = ticket
            job!(worker.index)
            remaining.subtract(1, ordering: .releasing)
        }
    }
}
