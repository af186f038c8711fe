import Foundation

/// Where the shell keeps the lines typed in earlier sessions, following the XDG base-directory
/// convention: `$XDG_DATA_HOME/deepfake-lab/history`, by default `~/.local/share/deepfake-lab/history`.
public enum HistoryLocation {
    /// How many lines are kept; older ones are dropped when the shell exits.
    public static let maximumLines = 2000

    public static func file(environment: [String: String], home: String = NSHomeDirectory()) -> URL {
        let dataHome: String
        if let configured = environment["XDG_DATA_HOME"], configured.hasPrefix("/") {
            dataHome = configured  // the spec says relative values are invalid and must be ignored
        } else {
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return URL(fileURLWithPath: dataHome).appendingPathComponent("deepfake-lab/history")
    }
}
