import Models
import Engine

/// The lessons' trainers kept between calls, so `trainGAN(gan, steps: 200)` typed twice is one
/// run of 400 steps: Adam keeps its running averages (starting them from zero mid-run jolts a
/// GAN), the step numbers carry on, and the same history and grids grow. Another model or other
/// data starts a new run with a fresh file prefix.
///
/// One trainer per kind is kept (the last GAN, face swap and classifier trained): a trainer holds
/// its whole dataset, and a learner who makes ten GANs should not keep ten copies alive.
final class TrainerMemory {
    private struct Entry {
        let model: ObjectIdentifier
        let data: String
        let trainer: AnyObject
        let prefix: String
    }
    private var entries: [String: Entry] = [:]

    /// The trainer of kind `kind` for this model and data, made by `make` (with a fresh prefix
    /// from `freshPrefix`) unless the last one of that kind fits; `update` applies the learner's
    /// new settings to a kept one. Returns the trainer and its file prefix.
    func trainer<Trainer: AnyObject>(_ kind: String, model: any Layer, data: String,
                                     freshPrefix: () throws -> String,
                                     make: (_ prefix: String) throws -> Trainer,
                                     update: (Trainer) -> Void) throws -> (trainer: Trainer, prefix: String) {
        if let entry = entries[kind], entry.model == ObjectIdentifier(model), entry.data == data,
           let kept = entry.trainer as? Trainer {
            update(kept)
            return (kept, entry.prefix)
        }
        // Forget the old one first, so its dataset is freed before the new one is loaded.
        entries[kind] = nil
        let prefix = try freshPrefix()
        let trainer = try make(prefix)
        entries[kind] = Entry(model: ObjectIdentifier(model), data: data, trainer: trainer, prefix: prefix)
        return (trainer, prefix)
    }

    /// The kept trainer of kind `kind` for `model`, whatever its data; nil when another model of
    /// that kind was trained since (only the last one is kept).
    func kept(_ kind: String, model: any Layer) -> AnyObject? {
        guard let entry = entries[kind], entry.model == ObjectIdentifier(model) else { return nil }
        return entry.trainer
    }
}
