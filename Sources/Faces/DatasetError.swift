import SafeFiles

/// Why a dataset folder could not be loaded: its manifest (the CSV that says where each picture
/// is) is missing, malformed or names tiles that do not exist. Pictures themselves fail with
/// `ImageFileError`; these are the manifest's own problems, so they do not mention libpng.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
    case manifest(path: String, reason: String)

    public var description: String {
        switch self {
        case let .manifest(path, reason):
            return "dataset manifest '\(PrintableText.escaped(path, limit: 300))': \(reason)"
        }
    }
}
