import Engine
import Testing
@testable import Models

/// The progress line and the loss guard, checked before any model trains with them.
struct TrainingDisplayTests {
    static let lines: [(progress: TrainingProgress, width: Int, line: String)] = [
        (TrainingProgress(step: 120, totalSteps: 1000,
                          metrics: [.init("loss D", 0.693147), .init("loss G", 1.204), .init("D(x)", 0.51), .init("D(G(z))", 0.48)],
                          elapsedSeconds: 40),
         120,
         "step  120/1000 █▊░░░░░░░░░░░░░  12%  loss D 0.6931  loss G 1.2040  D(x) 0.5100  D(G(z)) 0.4800  3.0 steps/s  ETA 4m53s"),
        (TrainingProgress(step: 0, totalSteps: 50, metrics: [.init("loss", 2.5e-5)], elapsedSeconds: 0),
         80,
         "step  0/50 ░░░░░░░░░░░░░░░░░░░░░░░░   0%  loss 2.50e-5  0.0 steps/s  ETA ?"),
        (TrainingProgress(step: 50, totalSteps: 50, metrics: [.init("loss", 0.1)], elapsedSeconds: 10),
         80,
         "step 50/50 ████████████████████████ 100%  loss 0.1000  5.0 steps/s  ETA 0s"),
        // Too narrow for a bar: the numbers matter more.
        (TrainingProgress(step: 5, totalSteps: 10, metrics: [.init("loss", 1)], elapsedSeconds: 1),
         30,
         "step  5/10   50%  loss 1.0000  5.0 steps/s  ETA 1s"),
    ]

    @Test(arguments: lines)
    func progressLine(progress: TrainingProgress, width: Int, line: String) {
        #expect(ProgressLine.format(progress, width: width) == line)
    }

    @Test(arguments: [(0.0, "░░░░"), (0.5, "██░░"), (0.55, "██▏░"), (1.0, "████")])
    func barResolvesEighths(fraction: Double, bar: String) {
        #expect(ProgressLine.bar(fraction, width: 4) == bar)
    }

    @Test(arguments: [(5.0, "5s"), (59.4, "59s"), (275, "4m35s"), (7500, "2h05m")])
    func durations(seconds: Double, text: String) {
        #expect(ProgressLine.formatDuration(seconds) == text)
    }

    @Test func guardStopsOnNaNAndExplains() {
        var guardian = LossGuard()
        #expect(guardian.check([("loss D", 0.7), ("loss G", 1.1)], step: 1) == .healthy)
        let verdict = guardian.check([("loss D", 0.7), ("loss G", .nan)], step: 2)
        #expect(verdict.explanation == "loss G became nan at step 2: a step was so large the numbers overflowed. This usually means the learning rate is too high — try a tenth of it.")
    }

    @Test func guardStopsOnDivergenceOnlyAfterWarmUp() {
        var guardian = LossGuard(divergenceFactor: 100, warmUpSteps: 3)
        #expect(guardian.check([("loss", 1.0)], step: 1) == .healthy)
        #expect(guardian.check([("loss", 500.0)], step: 2) == .healthy)  // early jumps are forgiven
        #expect(guardian.check([("loss", 0.5)], step: 4) == .healthy)
        #expect(guardian.check([("loss", 40.0)], step: 5) == .healthy)
        #expect(guardian.check([("loss", 60.0)], step: 6) == .diverging(loss: "loss", value: 60, lowest: 0.5, step: 6))
    }

    /// A one-parameter layer, enough to check snapshots.
    final class Scale: Layer {
        let weight = Tensor(shape: [2], data: [1, 2], requiresGrad: true)
        var isTraining = true
        var shapeContract: ShapeContract { .keepsWidth }
        var parameters: [(name: String, tensor: Tensor)] { [("weight", weight)] }
        func callAsFunction(_ input: Tensor) throws -> Tensor { try input * weight }
        var description: String { "Scale" }
    }

    @Test func snapshotRestoresParametersInPlace() {
        let layer = Scale()
        let snapshot = ParameterSnapshot(of: [layer], step: 10)
        layer.weight.data = [.nan, .nan]
        snapshot.restore()
        #expect(layer.weight.data == [1, 2])
        #expect(snapshot.step == 10)
    }
}
