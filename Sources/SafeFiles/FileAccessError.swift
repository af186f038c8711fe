/// Why a file could not be read or written, with the facts that explain it. The modules above
/// (checkpoints, pictures, dataset manifests) wrap `reason` in their own error, which names the
/// kind of file; the sentence here says what was wrong with the path itself.
public enum FileAccessError: Error, Equatable, CustomStringConvertible {
    /// Nothing exists at the path.
    case missing
    /// The path is a folder.
    case folder
    /// The path is a device, a FIFO or a socket: such files have no end (`/dev/zero`) or block
    /// until another program writes (a FIFO), so reading them could hang or fill the memory.
    case notRegular(kind: String)
    /// The path lies in /proc or /sys, whose files report a size of 0 and are generated on
    /// every read: system state, not data.
    case systemFile
    /// The file holds more than the caller's limit.
    case tooLarge(limit: Int)
    /// The operating system refused, with its own explanation (`strerror`).
    case system(String)

    /// The sentence modules put after the file's name.
    public var reason: String {
        switch self {
        case .missing: return "no such file"
        case .folder: return "it is a folder"
        case .notRegular(let kind): return "it is \(kind), not a regular file"
        case .systemFile: return "it is a system file in /proc or /sys, not a data file"
        case .tooLarge(let limit): return "it is larger than the limit of \(ByteCount.text(limit))"
        case .system(let message): return message
        }
    }

    public var description: String { reason }
}
