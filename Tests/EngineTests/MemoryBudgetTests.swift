import Foundation
import Testing
@testable import Engine

/// The one memory policy: every op checks what it is about to allocate against the budget of one
/// value (2 GiB), and refuses with the same sentence the shell uses, before allocating anything.
struct MemoryBudgetTests {
    static let refusals: [(String, () throws -> Tensor, String)] = [
        ("Linear(1, 40000) on 40000 rows", { try Tensor(shape: [40_000, 1], data: [Float](repeating: 0, count: 40_000))
            .linear(weight: Tensor(shape: [40_000, 1], data: [Float](repeating: 0, count: 40_000))) },
         "the result of linear of shape [40000, 40000] would need 6.0 GiB, more than the 2.0 GiB a single value may use — use smaller sizes"),
        ("matmul", { try Tensor.zeros([30_000, 1]).matmul(Tensor.zeros([1, 30_000])) },
         "the result of matmul of shape [30000, 30000] would need 3.4 GiB, more than the 2.0 GiB a single value may use — use smaller sizes"),
        ("upsample by 64", { try Tensor.zeros([1, 1, 700, 700]).upsample(scaleFactor: 64) },
         "the result of upsample (scale 64.0 on shape [1, 1, 700, 700]) would need 7.5 GiB, more than the 2.0 GiB a single value may use — use smaller sizes"),
        ("upsample by 1e30", { try Tensor.zeros([1, 1, 2, 2]).upsample(scaleFactor: 1e30) },
         "the result of upsample (scale 1e+30 on shape [1, 1, 2, 2]) would need 8.0 EiB, more than the 2.0 GiB a single value may use — use smaller sizes"),
        ("convolution columns", { try Tensor.zeros([1, 1, 3000, 3000]).conv2d(weight: Tensor.zeros([1, 1, 9, 9]), padding: 4) },
         "the columns (im2col) of conv2d of shape [81, 9000000] would need 2.7 GiB, more than the 2.0 GiB a single value may use — use smaller sizes"),
        ("transposed convolution", { try Tensor.zeros([1, 1, 3000, 3000]).convTranspose2d(weight: Tensor.zeros([1, 64, 2, 2]), stride: 2) },
         "the result of convTranspose2d of shape [1, 64, 6000, 6000] would need 8.6 GiB, more than the 2.0 GiB a single value may use — use smaller sizes"),
        ("zeros", { try Tensor.zeros([100_000, 100_000]) },
         "a tensor of shape [100000, 100000] would need 37.3 GiB, more than the 2.0 GiB a single value may use — use smaller sizes"),
        ("overflowing shape", { try Tensor.zeros([1 << 40, 1 << 40]) },
         "a tensor of shape [1099511627776, 1099511627776] would need 8.0 EiB, more than the 2.0 GiB a single value may use — use smaller sizes"),
    ]

    @Test(arguments: refusals)
    func opRefusesBeforeAllocating(name: String, make: () throws -> Tensor, message: String) {
        let error = #expect(throws: EngineError.self, "\(name)") { _ = try make() }
        #expect(error?.description == message, "\(name)")
    }

    /// Several values within the limit can still fill a machine: a large request must leave
    /// 512 MiB of the machine's available memory free; small ones never read the figure.
    @Test func largeRequestsMustLeaveTheMachineSomeMemory() throws {
        let gib = 1 << 30
        #expect(throws: EngineError.memoryNotAvailable(what: "a tensor", bytes: gib, available: gib)) {
            try MemoryBudget.check(bytes: gib, what: "a tensor", available: gib)
        }
        #expect(EngineError.memoryNotAvailable(what: "a tensor of shape [16384, 16384]", bytes: gib, available: 3 * gib / 2).description
                == "a tensor of shape [16384, 16384] would need 1.0 GiB, but the machine has only 1.5 GiB free — "
                + "free values you no longer need (vars lists them; let name = 0 frees one) or use smaller sizes")
        try MemoryBudget.check(bytes: gib, what: "a tensor", available: gib + MemoryBudget.reserveBytes)
        try MemoryBudget.check(bytes: MemoryBudget.bytesCheckedAgainstMachine - 1, what: "a tensor", available: 0)
        try MemoryBudget.check(bytes: gib, what: "a tensor", available: nil)  // unknown: only the per-value limit
        // The per-value limit speaks first, whatever the machine has.
        #expect(throws: EngineError.memoryBudgetExceeded(what: "a tensor", bytes: 3 * gib, budget: MemoryBudget.bytesPerValue)) {
            try MemoryBudget.check(bytes: 3 * gib, what: "a tensor", available: 0)
        }
    }

    @Test func readsAvailableMemoryFromMeminfo() {
        let meminfo = "MemTotal:       24576000 kB\nMemFree:         1000000 kB\nMemAvailable:   20000000 kB\nBuffers: 5 kB\n"
        #expect(SystemMemory.availableBytes(meminfo: meminfo) == 20_000_000 * 1024)
        #expect(SystemMemory.availableBytes(meminfo: "MemTotal: 5 kB\n") == nil)
        #expect(SystemMemory.availableBytes(meminfo: "MemAvailable: lots kB\n") == nil)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/meminfo"), "Linux reports available memory in /proc/meminfo"))
    func thisMachineReportsItsAvailableMemory() throws {
        let available = try #require(SystemMemory.availableBytes())
        #expect(available > 0)
    }

    /// PyTorch's answers for empty and invalid inputs: the mean of nothing is nan, a negative
    /// standard deviation is refused, and NaN statistics print as nan (not "min inf max -inf").
    @Test func emptyAndInvalidStatistics() throws {
        #expect(try Tensor.zeros([0]).mean().item.isNaN)
        #expect(try Tensor.zeros([2, 0]).mean(axes: [1]).data.allSatisfy(\.isNaN))
        #expect(throws: EngineError.invalidArgument(op: "randn", message: "std must be a finite number ≥ 0, not -1.0")) {
            try Tensor.randn([2], std: -1)
        }
        #expect(Tensor([1, .nan, 3]).description == "Tensor[3]  min nan  max nan  mean nan\n[1.0000, nan, 3.0000]")
    }
}
