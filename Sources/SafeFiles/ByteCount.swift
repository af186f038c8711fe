/// Byte counts as people read them: `2.0 GiB`, `381.5 MiB`, `12 bytes` (binary units, one
/// decimal, no locale), so a learner can compare a size with their machine's memory.
public enum ByteCount {
    public static func text(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var size = Double(bytes)
        var unit = 0
        while size >= 1024 && unit < units.count - 1 {
            size /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let tenths = Int((size * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) " + units[unit]
    }
}
