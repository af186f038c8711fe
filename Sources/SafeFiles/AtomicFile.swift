import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing a file so that readers see either the old file or the complete new one, never half of
/// it: the one way every writer in the lab (checkpoints, pictures, loss histories, manifests)
/// puts bytes on disk.
///
/// The bytes go to a temporary file in the same folder, reach the disk (`fsync`), and are then
/// renamed over the target; a rename within one file system is atomic. The temporary file is
/// the dangerous part, so:
/// - its name carries a random part, so nobody can plant a file or link there in advance;
/// - it is created with `O_CREAT | O_EXCL | O_NOFOLLOW`: if anything already exists under that
///   name, even a symbolic link pointing outside the folder, the write fails instead of
///   following it;
/// - temporary files left by a run that was killed mid-write (their process is gone) are
///   removed the next time anything is written into the same folder, so they do not pile up.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = temporaryPrefix(for: url.lastPathComponent)
        removeAbandonedTemporaries(in: folder)

        var generator = SystemRandomNumberGenerator()
        let temporary = folder + "/" + prefix + "\(getpid())-" + String(generator.next() as UInt64, radix: 16) + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileAccessError.system(BoundedFile.systemMessage(errno)) }
        // The bytes reach the disk before the rename makes them visible.
        let written = Result(catching: { try writeAll(bytes, to: descriptor) })
        let synced = fsync(descriptor) == 0 ? nil : errno
        close(descriptor)
        do {
            try written.get()
            if let synced { throw FileAccessError.system(BoundedFile.systemMessage(synced)) }
            guard rename(temporary, path) == 0 else { throw FileAccessError.system(BoundedFile.systemMessage(errno)) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// `.NAME.` — a hidden name that says which file it will become. Long names are cut so the
    /// temporary name stays within the 255-byte limit of a file name.
    static func temporaryPrefix(for name: String) -> String {
        var kept = ""
        for character in name where kept.utf8.count + character.utf8.count <= 180 { kept.append(character) }
        return "." + kept + "."
    }

    /// Removes `.NAME.<pid>-<random>.tmp` files, of any name, whose process no longer exists. Any
    /// name, because a later session writes `model-2.safetensors`, never the killed run's
    /// `model.safetensors` again. A temporary file of a live process (another lab writing right
    /// now) is left alone.
    static func removeAbandonedTemporaries(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let stem = name.dropLast(4)
            guard let dot = stem.lastIndex(of: "."), let dash = stem[dot...].firstIndex(of: "-"),
                  let pid = Int32(stem[stem.index(after: dot)..<dash]), pid > 0,
                  stem[stem.index(after: dash)...].allSatisfy(\.isHexDigit),
                  pid != getpid(), kill(pid, 0) == -1, errno == ESRCH else { continue }
            unlink(folder + "/" + name)  // unlink removes a link itself, never what it points to
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileAccessError.system(BoundedFile.systemMessage(errno))
            }
            offset += written
        }
    }
}
