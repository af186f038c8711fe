import Engine
import Foundation
import Models

/// `loadOrTrain(model, "file.safetensors", steps: …)`: a lesson reuses the model the learner
/// trained and saved in an earlier lesson, and trains a fresh one quickly when there is none.
///
/// Where saved models are: each session writes into a folder of its own (`runs/<date-time>/`,
/// see `OutputFolder`), and `save(gan, "lesson6-gan.safetensors")` puts the file there. A later
/// lesson opens a new session, so the file is in a *sibling* folder: this looks in the session's
/// own folder and in every folder beside it, and takes the newest file of that name that fits.
extension BuiltinRegistry {
    mutating func registerEarlierModels() {
        register(Function("loadOrTrain", [
            .positional("model", "Layer", "a DCGAN(…) or FaceSwap(…) of the size you saved"),
            .positional("file", "String", "the name you saved it under, e.g. \"lesson6-gan.safetensors\""),
            .labelled("steps", "Int", "how long to train a fresh one when no saved file fits"),
            .labelled("seed", "Int", default: .number(0), "for a fresh run: picks the batches and the noise"),
            .labelled("every", "Int", default: .number(50), "for a fresh run: steps between sample grids"),
        ], returns: "LossHistory", summary: "loads your model from an earlier session's file, or trains this one when there is none") { arguments in
            try loadOrTrain(arguments)
        }, category: .session, example: "loadOrTrain(DCGAN(latent: 8, width: 4), \"lesson6-gan.safetensors\", steps: 2)")
    }
}

/// The newest file called `name` in the session's folder or a sibling session folder (a path
/// with a slash is taken as it is).
func earlierSessionFile(_ name: String, context: SessionContext) -> [URL] {
    let manager = FileManager.default
    if name.contains("/") {
        let url = context.resolveReadPath(name)
        return manager.fileExists(atPath: url.path) ? [url] : []
    }
    let parent = context.outputFolder.deletingLastPathComponent()
    let siblings = ((try? manager.contentsOfDirectory(at: parent, includingPropertiesForKeys: nil)) ?? [])
    let candidates = ([context.outputFolder] + siblings.filter { $0.standardizedFileURL != context.outputFolder.standardizedFileURL })
        .map { $0.appendingPathComponent(name) }
    func modified(_ url: URL) -> Date? {
        guard let attributes = try? manager.attributesOfItem(atPath: url.path), attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        return attributes[.modificationDate] as? Date
    }
    return candidates.compactMap { url in modified(url).map { (url, $0) } }.sorted { $0.1 > $1.1 }.map(\.0)
}

/// The text a reuse prints, and the run it hands back.
private struct ReusedModel: ShellObject {
    let path: String
    let skipped: [String]
    var typeName: String { "LoadedModel" }
    var typeDescription: String { "a model loaded from a file (no training run)" }
    var shortDescription: String { "LoadedModel(\(path))" }
    var cellDescription: String { linesWhenBound.joined(separator: "\n") }
    var linesWhenBound: [String] { ["loaded your model from \(path); nothing to train"] + skipped }
}

private func loadOrTrain(_ arguments: CallArguments) throws -> Value {
    let model = try arguments.layer("model")
    let trainer: String
    switch model {
    case is DCGAN: trainer = "trainGAN"
    case is FaceSwapModel: trainer = "trainFaceSwap"
    default: throw arguments.invalid("model", "must be a DCGAN(…) or a FaceSwap(…) model")
    }
    let name = try arguments.string("file")
    let steps = try arguments.integer("steps", in: 1...1_000_000)
    // Files that exist but do not fit (another width, a damaged file) are skipped with a reason.
    var skipped: [String] = []
    for url in earlierSessionFile(name, context: arguments.context) {
        do {
            _ = try Checkpoint.load(into: model, from: url.path)
            return .object(ReusedModel(path: url.path, skipped: skipped))
        } catch {
            skipped.append("skipped \(url.path): it does not fit this model")
        }
    }
    // Nothing saved: the very same training built-in the lesson would call, so the run is the one
    // the learner would get by typing it (history, sample grids, Ctrl-C).
    guard let function = BuiltinRegistry.standard()[trainer]?.function else {
        throw arguments.invalid("model", "cannot be trained here")
    }
    let at = arguments.range(of: "model") ?? SourceRange(line: 1, column: 1)
    let call = try CallArguments(binding: [(nil, .layer(model), at),
                                           ("steps", .number(Double(steps)), at),
                                           ("seed", arguments.value("seed"), at),
                                           ("every", arguments.value("every"), at)],
                                 to: function, context: arguments.context)
    let result = try function.body(call)
    guard case .object(var run as TrainingRun) = result else { return result }
    run.extraLines.insert("no saved \(name) found beside this session, so this \(steps)-step run trained one from scratch", at: 0)
    run.extraLines += skipped
    return .object(run)
}
