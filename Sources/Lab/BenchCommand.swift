import Bench
import ArgumentParser
import Engine
import Foundation

/// `lab bench`: times the reference workloads of BENCHMARKS.md (sgemm, ae32, dcgan32, mlp), so
/// the engine can be compared with PyTorch on the same machine (scripts/bench_pytorch.py runs the
/// same workloads with the same flags).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the reference workloads (median/min/max ms per step, threads, peak memory)."
    )

    static let workloadNames = ["sgemm", AutoencoderWorkload.name, DCGANWorkload.name, MLPWorkload.name]

    @Option(help: "Threads for OpenBLAS and the engine's own loops.")
    var threads: Int = 2

    @Option(help: "Timed steps per workload (at least 20), after 3 warm-up steps.")
    var steps: Int = 20

    @Option(name: .customLong("workload"), parsing: .singleValue,
            help: "A workload to run: sgemm, ae32, dcgan32, mlp (repeatable or comma-separated; default all).")
    var workloads: [String] = []

    @Flag(help: "Print one JSON object per line instead of a table.")
    var json = false

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1 (got \(threads))") }
        guard steps >= 20 else { throw ValidationError("--steps must be at least 20 (got \(steps))") }
        for name in selected where !Self.workloadNames.contains(name) {
            throw ValidationError("unknown workload '\(name)'; choose from \(Self.workloadNames.joined(separator: ", "))")
        }
    }

    /// The chosen workloads in the file's order, or all of them.
    var selected: [String] {
        let names = workloads.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        return names.isEmpty ? Self.workloadNames : Self.workloadNames.filter(names.contains) + names.filter {
            !Self.workloadNames.contains($0)
        }
    }

    func run() throws {
        Parallel.threads = threads
        if !json {
            print("lab bench: \(threads) thread(s), median of \(steps) steps after 3 warm-up")
            print("workload          median ms     min ms     max ms   peak RSS MB  notes")
        }
        for name in selected {
            if name == "sgemm" {
                for size in [256, 512, 1024] { try runSgemm(size: size) }
                continue
            }
            Benchmark.resetPeakMemory()
            let workload: any TrainingWorkload = switch name {
            case AutoencoderWorkload.name: try AutoencoderWorkload()
            case DCGANWorkload.name: try DCGANWorkload()
            default: try MLPWorkload()
            }
            var loss: Float = 0
            let timings = try Benchmark.measure(steps: steps) { loss = try workload.step() }
            report(name, timings, notes: String(format: "loss %.4f", loss),
                   extra: ["final_loss": String(format: "%.6f", loss)])
        }
    }

    func runSgemm(size: Int) throws {
        Benchmark.resetPeakMemory()
        let benchmark = try SgemmBenchmark(size: size)
        let (engine, raw) = try benchmark.measure(steps: steps)
        let engineRate = benchmark.gigaflops(milliseconds: engine.median)
        let rawRate = benchmark.gigaflops(milliseconds: raw.median)
        report("sgemm n=\(size)", engine, notes: String(format: "%.1f GFLOP/s; raw OpenBLAS %.1f GFLOP/s (%.3f ms), %.0f%%",
                                                       engineRate, rawRate, raw.median, 100 * engineRate / rawRate),
               extra: ["gflops": String(format: "%.2f", engineRate), "raw_gflops": String(format: "%.2f", rawRate),
                       "raw_median_ms": String(format: "%.4f", raw.median)])
    }

    func report(_ name: String, _ timings: Benchmark.Timings, notes: String, extra: [String: String]) {
        let peak = Benchmark.peakResidentBytes().map { Double($0) / 1_048_576 }
        if json {
            var fields = ["\"engine\": \"lab\"", "\"workload\": \"\(name)\"", "\"threads\": \(threads)",
                          "\"steps\": \(steps)",
                          String(format: "\"median_ms\": %.4f, \"min_ms\": %.4f, \"max_ms\": %.4f",
                                 timings.median, timings.minimum, timings.maximum),
                          "\"peak_rss_mb\": " + (peak.map { String(format: "%.1f", $0) } ?? "null")]
            fields += extra.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }
            print("{" + fields.joined(separator: ", ") + "}")
        } else {
            let memory = peak.map { String(format: "%12.1f", $0) } ?? "         n/a"
            print(name.padding(toLength: 14, withPad: " ", startingAt: 0)
                  + String(format: "%13.3f %10.3f %10.3f", timings.median, timings.minimum, timings.maximum)
                  + memory + "  " + notes)
        }
    }
}
