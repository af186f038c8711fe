import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a path really leads, symbolic links followed: what a "stays inside this folder" check
/// must compare.
///
/// Comparing the path as written is not enough: `OUT/link/e.safetensors` looks inside `OUT`,
/// but if `link` is a symbolic link to `/elsewhere`, the file lands in `/elsewhere`. So each
/// existing component is resolved as the kernel would (links followed, `..` taken from the
/// real parent); components that do not exist yet cannot be links and are kept as written.
public enum PhysicalPath {
    /// The physical form of the absolute path `path`, or nil when a component is a link that
    /// leads nowhere (writing through it would create its target, wherever that is).
    public static func resolve(_ path: String) -> String? {
        var physical = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": physical = String(physical[..<(physical.lastIndex(of: "/") ?? physical.startIndex)])
            default:
                let candidate = physical + "/" + component
                var status = stat()
                if lstat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
                    guard let real = realpath(candidate, nil) else { return nil }
                    physical = String(cString: real)
                    free(real)
                    if physical == "/" { physical = "" }
                } else {
                    physical = candidate
                }
            }
        }
        return physical.isEmpty ? "/" : physical
    }

    /// Whether `path` leads to something strictly inside `folder`, both resolved physically.
    public static func isStrictlyInside(_ path: String, folder: String) -> Bool {
        guard let target = resolve(path), let root = resolve(folder) else { return false }
        return target.hasPrefix(root == "/" ? "/" : root + "/") && target != root
    }
}
