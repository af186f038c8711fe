import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading a file that may be hostile: the one way every loader in the lab (checkpoints,
/// pictures, dataset manifests) gets bytes from disk.
///
/// A file's reported size is not trusted: `/dev/zero` reports 0 bytes and never ends,
/// `/proc/self/environ` reports 0 and yields text, and a file can grow while it is read. So the
/// bytes are read in chunks until the end or until `limit` is passed, whatever `stat` said.
/// Only regular files are read: a FIFO would block until some other program writes to it, which
/// no Ctrl-C can interrupt, and a device has no end.
public enum BoundedFile {
    /// The whole file at `path`, refusing anything that is not a regular file of at most `limit` bytes.
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        // O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; the
        // check below then refuses it. On a regular file the flag changes nothing.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == ENOENT || errno == ENOTDIR ? FileAccessError.missing : FileAccessError.system(systemMessage(errno))
        }
        defer { close(descriptor) }
        try checkRegular(descriptor)

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let received = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if received < 0 {
                if errno == EINTR { continue }  // a signal (Ctrl-C's handler) arrived mid-read
                throw FileAccessError.system(systemMessage(errno))
            }
            if received == 0 { return bytes }
            guard bytes.count + received <= limit else { throw FileAccessError.tooLarge(limit: limit) }
            bytes += chunk[0..<received]
        }
    }

    /// Refuses folders, devices, FIFOs, sockets, and the generated files of /proc and /sys.
    static func checkRegular(_ descriptor: Int32) throws {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileAccessError.system(systemMessage(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw FileAccessError.folder
        case S_IFIFO: throw FileAccessError.notRegular(kind: "a FIFO (named pipe)")
        case S_IFSOCK: throw FileAccessError.notRegular(kind: "a socket")
        default: throw FileAccessError.notRegular(kind: "a device")
        }
        // A file on the same device as /proc or /sys lives in those generated file systems.
        for systemFolder in ["/proc", "/sys"] {
            var folderStatus = stat()
            if stat(systemFolder, &folderStatus) == 0, folderStatus.st_dev == status.st_dev { throw FileAccessError.systemFile }
        }
    }

    /// The operating system's explanation of `code`, in lower case to sit inside a sentence.
    static func systemMessage(_ code: Int32) -> String {
        let message = String(cString: strerror(code))
        return message.prefix(1).lowercased() + message.dropFirst()
    }
}
