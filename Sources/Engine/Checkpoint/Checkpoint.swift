import SafeFiles

/// Saving and loading a layer's state — its `stateDict()`, parameters and buffers by PyTorch
/// name — as a safetensors file.
///
/// The names and layouts are PyTorch's, so the two directions both work:
///
///     lab:      try Checkpoint.save(model, to: "mlp.safetensors")
///     PyTorch:  model.load_state_dict(safetensors.torch.load_file("mlp.safetensors"))
///
///     PyTorch:  safetensors.torch.save_file(model.state_dict(), "mlp.safetensors")
///     lab:      try Checkpoint.load(into: model, from: "mlp.safetensors")
///
/// Loading is strict, like `load_state_dict(strict=True)`: every name must be present with the
/// same shape and nothing extra may appear, and nothing is changed unless everything fits, so a
/// failed load leaves the model as it was.
public enum Checkpoint {
    /// The metadata every lab checkpoint carries: what wrote it, and the model's printout so a
    /// reader (or scripts/check_pytorch_parity.py) can see which architecture it belongs to.
    static func standardMetadata(for model: any Layer) -> [String: String] {
        ["software": "Deepfake Lab", "version": Engine.version, "architecture": model.description]
    }

    /// Whether `name` is BatchNorm's batch counter. PyTorch keeps it as an integer scalar
    /// (`torch.long`, shape []); the engine keeps it as a one-element Float tensor, so it is
    /// converted at the file boundary: written as I64 of shape [], read from I64 or F32, [] or [1].
    static func isBatchCounter(_ name: String) -> Bool {
        name == "num_batches_tracked" || name.hasSuffix(".num_batches_tracked")
    }

    /// Saves `model.stateDict()` to `path` atomically, with `metadata` added to the standard keys.
    public static func save(_ model: any Layer, to path: String, metadata: [String: String] = [:]) throws {
        let entries = model.stateDict().map { name, tensor in
            isBatchCounter(name) && tensor.count == 1
                ? SafeTensors.Entry(name: name, dtype: .i64, shape: [], values: tensor.data)
                : SafeTensors.Entry(name: name, shape: tensor.shape, values: tensor.data)
        }
        try SafeTensors.write(entries, metadata: standardMetadata(for: model).merging(metadata) { $1 }, to: path)
    }

    /// Loads a checkpoint into `model`, checking every name and shape first. Returns the file's
    /// metadata. Throws `EngineError.checkpoint` listing every missing key, unexpected key and
    /// shape mismatch by name.
    @discardableResult
    public static func load(into model: any Layer, from path: String) throws -> [String: String] {
        let contents = try SafeTensors.read(from: path)
        let state = model.stateDict()
        var stored: [String: SafeTensors.Entry] = [:]
        for entry in contents.entries { stored[entry.name] = entry }
        let expected = Set(state.map(\.name))

        var problems: [String] = []
        let missing = state.map(\.name).filter { stored[$0] == nil }
        if !missing.isEmpty { problems.append("missing keys: " + listed(missing)) }
        let unexpected = contents.entries.map(\.name).filter { !expected.contains($0) }.sorted()
        if !unexpected.isEmpty { problems.append("unexpected keys: " + listed(unexpected)) }
        var mismatched: [String] = []
        for (name, tensor) in state {
            let sameCounter = isBatchCounter(name) && stored[name]?.values.count == 1 && tensor.count == 1
            if let entry = stored[name], entry.shape != tensor.shape, !sameCounter {
                mismatched.append("\(name) has shape \(entry.shape) in the file but \(tensor.shape) in the model")
            }
        }
        if !mismatched.isEmpty { problems.append(listed(mismatched, what: "shape mismatches", separator: "; ")) }
        guard problems.isEmpty else {
            throw EngineError.checkpoint(path: path, reason: "does not fit the model: " + problems.joined(separator: "; "))
        }
        // Everything fits: copy the values in place (the tensors stay the same objects, so an
        // optimiser holding them keeps working).
        for (name, tensor) in state { tensor.data = stored[name]!.values }
        return contents.metadata
    }

    /// The first few of a list of problems and how many there are in all, so that a file with a
    /// million unexpected names gives one readable line. Names from the file are escaped.
    static func listed(_ items: [String], what: String = "keys", separator: String = ", ") -> String {
        let shown = items.prefix(5).map { PrintableText.escaped($0, limit: 80) }.joined(separator: separator)
        return items.count <= 5 ? shown : shown + separator + "… (\(items.count) \(what) in all)"
    }
}
