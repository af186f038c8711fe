import Foundation

/// Reading and writing safetensors files on disk.
extension SafeTensors {
    /// Writes a safetensors file *atomically*: the bytes go to a temporary file in the same folder,
    /// which is flushed and then renamed over `path`. A rename within one file system is atomic,
    /// so a crash or a full disk mid-save leaves the previous checkpoint intact, never half a file.
    public static func write(_ entries: [Entry], metadata: [String: String] = [:], to path: String) throws {
        let bytes = try encode(entries, metadata: metadata)
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw EngineError.checkpoint(path: path, reason: "cannot create a file in \(url.deletingLastPathComponent().path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: bytes)
            try handle.synchronize()  // the bytes reach the disk before the rename makes them visible
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw EngineError.checkpoint(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw EngineError.checkpoint(path: path, reason: "cannot replace the file: \(reason)")
        }
    }

    /// Reads and validates a safetensors file in three reads — the 8-byte length, the header,
    /// the data — each only after the previous one has proven its size against the file's, so a
    /// corrupt or hostile file is refused having cost at most its (capped) header in memory.
    public static func read(from path: String) throws -> Contents {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EngineError.checkpoint(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw EngineError.checkpoint(path: path, reason: "is a folder, not a checkpoint file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw EngineError.checkpoint(path: path, reason: "cannot open the file for reading")
        }
        defer { try? handle.close() }
        do {
            let fileSize = Int(try handle.seekToEnd())
            try handle.seek(toOffset: 0)
            var prefix = [UInt8](try handle.read(upToCount: 8) ?? Data())
            if prefix.count == 8, headerLength(prefix) <= UInt64(Swift.min(maximumHeaderLength, fileSize - 8)) {
                prefix += try handle.read(upToCount: Int(headerLength(prefix))) ?? Data()
            }
            let layout = try readLayout(prefix, fileSize: fileSize, path: path)
            let data = [UInt8](try handle.readToEnd() ?? Data())
            guard data.count == fileSize - 8 - layout.headerLength else {
                throw EngineError.checkpoint(path: path, reason: "the file changed size while being read")
            }
            return contents(of: layout, data: data[...])
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError.checkpoint(path: path, reason: "cannot read the file: \(error.localizedDescription)")
        }
    }
}
