import Detection
import Engine
import Faces
import Foundation
import Imaging
import Models

/// `generalisation(…)`: the train-on-X / test-on-Y table for both detectors, accuracy and
/// average precision side by side (Wang et al., CVPR 2020). The library's `GeneralisationTable`
/// does the work; this binding gathers the pictures, from the learner's own fakes or, with none
/// given, from `FakeFactory`'s four kinds.
extension BuiltinRegistry {
    mutating func registerGeneralisation() {
        register(Function("generalisation", [
            .labelled("fakes", "List", default: .nothing, "a list of fake sets [N, 3, 32, 32], one per kind; each is cut in two, the first half trains and the second tests (leave out: the lab makes four kinds)"),
            .labelled("names", "List", default: .nothing, "a short name for each kind, in the same order"),
            .labelled("count", "Int", default: .number(100), "with no fakes given: pictures of each kind to train on and as many to test on"),
            .labelled("steps", "Int", default: .number(150), "the CNN detector's training steps (32 pictures each)"),
            .labelled("seed", "Int", default: .number(0), "for the detectors' weights and batches"),
        ], returns: "Generalisation", summary: "train a detector on each kind of fake, test it on every kind: accuracy and AP side by side") { arguments in
            try generalisation(arguments)
        }, category: .detection,
           example: "generalisation(fakes: [sample(DCGAN(latent: 8, width: 4), count: 16), sample(DCGAN(latent: 8, width: 4, upsampling: \"nearest\"), count: 16)], names: [\"transposed\", \"nearest\"], steps: 20)")
    }
}

/// The tables in a variable; `seenAccuracy`, `unseenAccuracy`, `seenAP` and `unseenAP` are means
/// over both detectors, so a lesson's check can compare them.
public struct GeneralisationValue: ShellObject {
    public let tables: [GeneralisationTable]
    public let trainingCounts: (real: Int, fake: Int)
    public let testCounts: (real: Int, fake: Int)

    public var typeName: String { "Generalisation" }
    public var shortDescription: String {
        "Generalisation(\(tables.first?.sources.count ?? 0) kinds of fake × \(tables.count) detectors)"
    }
    public var cellDescription: String {
        var lines = tables.map(\.text)
        let seen = mean(seen: true), unseen = mean(seen: false)
        lines.append(String(format: "mean over both detectors: seen kinds %.0f%% / %.2f AP; unseen kinds %.0f%% / %.2f AP",
                            seen.accuracy * 100, seen.averagePrecision, unseen.accuracy * 100, unseen.averagePrecision))
        lines.append("trained on \(trainingCounts.real) real + \(trainingCounts.fake) fake of one kind; tested on \(testCounts.real) held-out real + \(testCounts.fake) unseen fakes of each kind")
        lines.append("accuracy needs the 0.5 threshold to fit; AP only needs fakes ranked above reals (50% accuracy is chance, AP at chance is 0.5)")
        return lines.joined(separator: "\n")
    }
    func mean(seen: Bool) -> (accuracy: Double, averagePrecision: Double) {
        let means = tables.map { $0.mean(seen: seen) }
        return (means.map(\.accuracy).reduce(0, +) / Double(means.count), means.map(\.averagePrecision).reduce(0, +) / Double(means.count))
    }
    public var members: [Member] {
        [.property("seenAccuracy", "mean accuracy on the kind each detector trained on") { _ in .number(mean(seen: true).accuracy) },
         .property("unseenAccuracy", "mean accuracy on the kinds it never saw") { _ in .number(mean(seen: false).accuracy) },
         .property("seenAP", "mean average precision on the kind it trained on") { _ in .number(mean(seen: true).averagePrecision) },
         .property("unseenAP", "mean average precision on the kinds it never saw") { _ in .number(mean(seen: false).averagePrecision) }]
    }
}

private func generalisation(_ arguments: CallArguments) throws -> Value {
    let seed = UInt64(try arguments.integer("seed", in: 0...Int(Int32.max)))
    let steps = try arguments.integer("steps", in: 1...100_000)
    let folder = try datasetFolder("faces-32", arguments, nameParameter: "fakes").path
    var pools: [FakePool]
    if arguments.value("fakes").isNothing {
        let count = try arguments.integer("count", in: 4...1_000)
        pools = try factoryPools(count: count, folder: folder, arguments)
    } else {
        pools = try givenPools(arguments)
    }
    let trainingCount = pools.map(\.training.count).max() ?? 0, testCount = pools.map(\.test.count).max() ?? 0
    // Reals to train on from faces-32's training split, reals to test on from its held-out split.
    let realTraining = try FakeFactory.pictures(FaceDatasetLoader.load(folder, split: "train", limit: trainingCount))
    let realTest = try FakeFactory.pictures(FaceDatasetLoader.load(folder, split: "test", limit: testCount))
    let tables = try DetectorKind.allCases.map { kind in
        try GeneralisationTable(kind, realTraining: realTraining, realTest: realTest, pools: pools, seed: seed, cnnSteps: steps)
    }
    return .object(GeneralisationValue(tables: tables, trainingCounts: (realTraining.count, trainingCount),
                                       testCounts: (realTest.count, testCount)))
}

/// The learner's fake sets, each cut in two: the first half to train on, the rest to test on.
private func givenPools(_ arguments: CallArguments) throws -> [FakePool] {
    guard case .list(let sets) = arguments.value("fakes"), sets.count >= 2 else {
        throw arguments.invalid("fakes", "must be a list of at least two fake sets, e.g. [fakes, others]")
    }
    var names: [String] = sets.indices.map { "kind \($0 + 1)" }
    if !arguments.value("names").isNothing {
        guard case .list(let given) = arguments.value("names"), given.count == sets.count else {
            throw arguments.invalid("names", "must be a list of \(sets.count) names, one per fake set")
        }
        names = try given.map { value in
            guard case .string(let name) = value, !name.isEmpty else { throw arguments.invalid("names", "must be a list of strings") }
            return String(name.prefix(14))
        }
    }
    return try zip(sets, names).enumerated().map { index, entry in
        guard case .tensor(let tensor) = entry.0.asTensorIfDataset, tensor.rank == 4, Array(tensor.shape.dropFirst()) == [3, 32, 32] else {
            throw arguments.invalid("fakes", "entry \(index) must be pictures [N, 3, 32, 32], e.g. sample(gan, count: 200)")
        }
        guard tensor.shape[0] >= 4 else { throw arguments.invalid("fakes", "entry \(index) needs at least 4 pictures (half train, half test)") }
        let images = try Image.images(from: tensor, range: .guessed(from: tensor)).map { $0.rgb() }
        let half = images.count / 2
        return FakePool(name: entry.1, training: Array(images[..<half]), test: Array(images[half...]))
    }
}

/// The lab's own four kinds of fake, from generators `FakeFactory` trains briefly.
private func factoryPools(count: Int, folder: String, _ arguments: CallArguments) throws -> [FakePool] {
    let faces = try FaceDatasetLoader.load(folder, split: "train")
    let pairs = try FaceSwapData.load(try datasetFolder("pair-32", arguments, nameParameter: "fakes").path)
    let factory = try FakeFactory(faces: faces, pairs: pairs)
    return try FakeSource.allCases.map { source in
        FakePool(name: source.rawValue, training: try factory.fakes(source, count: count, seed: 1_000),
                 test: try factory.fakes(source, count: count, seed: 900_000, heldOut: true))
    }
}
