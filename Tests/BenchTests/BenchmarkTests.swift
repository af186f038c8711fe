@testable import Bench
import Testing
import TestSupport
@testable import Engine

/// The reference workloads of `lab bench` are real models: their sizes match PyTorch's, a step
/// trains (the loss falls), and the runner's statistics and memory readings are sane.
struct BenchmarkTests {
    /// Parameter counts of the same models built in PyTorch 2.15.0 with `scripts/bench_pytorch.py`'s
    /// definitions: `sum(p.numel() for p in model.parameters())`.
    @Test func modelsHavePyTorchsParameterCounts() throws {
        let autoencoder = try AutoencoderWorkload(batchSize: 2)
        #expect(autoencoder.encoder.parameterCount + autoencoder.decoder.parameterCount == 1_121_539)
        let gan = try DCGANWorkload(batchSize: 2)
        #expect(gan.generator.parameterCount == 297_123)
        #expect(gan.discriminator.parameterCount == 168_033)
        #expect(Array(gan.generator.stateDict().map(\.name).prefix(7)) == [
            "0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked"])
        #expect(try MLPWorkload(batchSize: 2).model.parameterCount == 269_322)
    }

    @Test func shapesFlowThroughTheModels() throws {
        let gan = try DCGANWorkload(batchSize: 3)
        let fake = try gan.generator(gan.sampleNoise())
        #expect(fake.shape == [3, 3, 32, 32])
        #expect(try gan.discriminator(fake).shape == [3, 1])
        let autoencoder = try AutoencoderWorkload(batchSize: 3)
        #expect(try autoencoder.encoder(autoencoder.batch).shape == [3, 128])
    }

    @Test func autoencoderLossFalls() throws {
        let workload = try AutoencoderWorkload(batchSize: 4)
        let first = try workload.step()
        var last = first
        for _ in 0..<5 { last = try workload.step() }
        #expect(last < first, "ae32 loss should fall: \(first) → \(last)")
    }

    @Test func mlpLossFalls() throws {
        let workload = try MLPWorkload(batchSize: 16)
        let first = try workload.step()
        var last = first
        for _ in 0..<10 { last = try workload.step() }
        #expect(last < first, "mlp loss should fall: \(first) → \(last)")
    }

    /// A GAN's losses need not fall, so check a step runs, stays finite, updates both networks and
    /// advances the BatchNorm counters (three discriminator passes, two generator passes per step).
    @Test func dcganStepUpdatesBothNetworks() throws {
        let workload = try DCGANWorkload(batchSize: 4)
        let generatorBefore = workload.generator.namedParameters()[0].tensor.data
        let discriminatorBefore = workload.discriminator.namedParameters()[0].tensor.data
        let loss = try workload.step()
        #expect(loss.isFinite)
        #expect(workload.generator.namedParameters()[0].tensor.data != generatorBefore)
        #expect(workload.discriminator.namedParameters()[0].tensor.data != discriminatorBefore)
        let counters = workload.discriminator.stateDict().filter { $0.name.hasSuffix("num_batches_tracked") }
        #expect(counters.map(\.tensor.data) == [[3], [3]])
        let generatorCounters = workload.generator.stateDict().filter { $0.name.hasSuffix("num_batches_tracked") }
        #expect(generatorCounters.map(\.tensor.data) == [[2], [2], [2]])
    }

    @Test func sgemmBenchmarkComputesTheProduct() throws {
        let benchmark = try SgemmBenchmark(size: 8)
        benchmark.rawStep()
        var expected = [Float](repeating: 0, count: 64)
        naiveMatmul(transposeA: false, transposeB: false, m: 8, n: 8, k: 8, a: benchmark.a.data, lda: 8,
                    b: benchmark.b.data, ldb: 8, c: &expected, ldc: 8)
        expectClose(benchmark.c, expected, tolerance: 1e-5, "raw sgemm")
        #expect(abs(benchmark.gigaflops(milliseconds: 1) - 2 * 512 / 1e6) < 1e-9)
        let (engine, raw) = try benchmark.measure(steps: 20)
        #expect(engine.milliseconds.count == 20 && raw.milliseconds.count == 20)
    }

    @Test func timingsAndMemory() throws {
        let timings = Benchmark.Timings(milliseconds: [5, 1, 3, 2])
        #expect(timings.median == 2.5 && timings.minimum == 1 && timings.maximum == 5)
        #expect(Benchmark.Timings(milliseconds: [4, 1, 9]).median == 4)
        var calls = 0
        let measured = Benchmark.measure(warmUp: 3, steps: 20) { calls += 1 }
        #expect(calls == 23 && measured.milliseconds.count == 20)
        Benchmark.resetPeakMemory()
        if let peak = Benchmark.peakResidentBytes(), let current = Benchmark.residentBytes() {
            #expect(peak >= current / 2 && peak > 1_000_000)
        }
    }
}
