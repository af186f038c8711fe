import SafeFiles

/// Everything that can go wrong reading or writing an image file, with the facts needed to say
/// what happened, to which file, and what to try. Reading a bad file must never crash the lab.
public enum ImageFileError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or read at all (missing, a folder, no permission).
    case unreadable(path: String, reason: String)
    /// The file exists but holds zero bytes.
    case emptyFile(path: String)
    /// The first 8 bytes are not the PNG signature, so this is some other kind of file.
    case notPNG(path: String)
    /// The file ends in the middle of a chunk, or before the closing IEND chunk.
    case truncated(path: String)
    /// A chunk's CRC-32 does not match its bytes: the file was damaged after it was written.
    case badChecksum(path: String, chunk: String)
    /// The chunks are intact but libpng could not decode the picture.
    case undecodable(path: String, reason: String)
    /// The picture to write has no pixels (a tensor with a height or width of 0).
    case emptyPicture(path: String, width: Int, height: Int)
    /// A metadata chunk is malformed: no keyword, an unknown compression, or compressed text
    /// that is corrupt or would inflate past the lab's limit (a "zip bomb").
    case badMetadata(path: String, chunk: String, reason: String)
    /// Writing failed (the folder is missing or not writable, the disk is full...).
    case unwritable(path: String, reason: String)

    public var description: String {
        // A path can come from a file (a manifest's sheet name): its control characters are escaped.
        switch escapingPath {
        case let .unreadable(path, reason):
            return "Cannot read '\(path)': \(reason); check the path and its permissions."
        case let .emptyFile(path):
            return "'\(path)' is empty (0 bytes); re-export or re-download the picture."
        case let .notPNG(path):
            return "'\(path)' is not a PNG file (its first bytes are not the PNG signature); convert it to PNG first."
        case let .truncated(path):
            return "'\(path)' is truncated (the file ends before the PNG is complete); copy or download it again."
        case let .badChecksum(path, chunk):
            return "'\(path)' is damaged (the checksum of its \(chunk) chunk is wrong); copy or download it again."
        case let .undecodable(path, reason):
            return "'\(path)' could not be decoded (libpng says: \(reason)); open and re-save it in an image editor."
        case let .emptyPicture(path, width, height):
            return "Cannot write '\(path)': the picture is \(width)×\(height) pixels and a PNG needs at least 1×1; check the tensor's shape."
        case let .badMetadata(path, chunk, reason):
            return "'\(path)' has a damaged \(chunk) metadata chunk (\(reason)); the picture itself may be fine: re-save it without metadata."
        case let .unwritable(path, reason):
            return "Cannot write '\(path)': \(reason); check that the folder exists and is writable."
        }
    }

    /// The same error with its path made safe to print.
    private var escapingPath: ImageFileError {
        let e = { PrintableText.escaped($0, limit: 300) }
        switch self {
        case let .unreadable(path, reason): return .unreadable(path: e(path), reason: reason)
        case let .emptyFile(path): return .emptyFile(path: e(path))
        case let .notPNG(path): return .notPNG(path: e(path))
        case let .truncated(path): return .truncated(path: e(path))
        case let .badChecksum(path, chunk): return .badChecksum(path: e(path), chunk: e(chunk))
        case let .undecodable(path, reason): return .undecodable(path: e(path), reason: e(reason))
        case let .emptyPicture(path, width, height): return .emptyPicture(path: e(path), width: width, height: height)
        case let .badMetadata(path, chunk, reason): return .badMetadata(path: e(path), chunk: e(chunk), reason: e(reason))
        case let .unwritable(path, reason): return .unwritable(path: e(path), reason: reason)
        }
    }
}
