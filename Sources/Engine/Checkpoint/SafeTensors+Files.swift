import SafeFiles

/// Reading and writing safetensors files on disk.
extension SafeTensors {
    /// Writes a safetensors file atomically (`AtomicFile`): a crash or a full disk mid-save leaves
    /// the previous checkpoint intact, never half a file.
    public static func write(_ entries: [Entry], metadata: [String: String] = [:], to path: String) throws {
        let bytes = try encode(entries, metadata: metadata)
        do {
            try AtomicFile.write(bytes, to: path)
        } catch let error as FileAccessError {
            throw EngineError.checkpoint(path: path, reason: "cannot write: \(error.reason)")
        }
    }

    /// The largest checkpoint file read: the memory budget of one value. Its bytes are read with
    /// that bound whatever size the file reports (`BoundedFile`), then validated by `decode`.
    public static var maximumFileLength: Int { MemoryBudget.bytesPerValue }

    /// Reads and validates a safetensors file.
    public static func read(from path: String) throws -> Contents {
        let bytes: [UInt8]
        do {
            bytes = try BoundedFile.read(path, limit: maximumFileLength)
        } catch let error as FileAccessError {
            throw EngineError.checkpoint(path: path, reason: error == .folder ? "is a folder, not a checkpoint file" : error.reason)
        }
        return try decode(bytes, path: path)
    }
}
