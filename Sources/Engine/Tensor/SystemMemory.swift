import Foundation

/// How much memory the machine can still give, as Linux reports it (`MemAvailable` in
/// /proc/meminfo: free memory plus caches it can drop, the figure `free -h` shows as "available").
///
/// The memory budget's per-value limit catches a size typed thousands of times too large; this
/// catches the other way a session fills a laptop: several large values, each within the limit,
/// that together leave too little. Read only for large requests, so small ops pay nothing.
public enum SystemMemory {
    /// Bytes available now, or nil where the figure cannot be read (not Linux, a sandbox).
    public static func availableBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        return availableBytes(meminfo: text)
    }

    /// The `MemAvailable:` line of /proc/meminfo's text, in bytes (the file counts in kB).
    public static func availableBytes(meminfo: String) -> Int? {
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Int(fields[1]), kilobytes >= 0 else { return nil }
            return kilobytes.multipliedReportingOverflow(by: 1024).overflow ? Int.max : kilobytes * 1024
        }
        return nil
    }
}
