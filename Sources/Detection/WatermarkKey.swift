import Engine

/// The secret that both marks a picture and checks it: a name, turned into a seed, turned into
/// one ±1 per marked coefficient of every 8×8 block.
///
/// Whoever knows the key can check a picture (and can also remove or forge the mark: a
/// spread-spectrum watermark is a shared secret, not a signature). Without it, the pattern is
/// indistinguishable from noise.
public struct WatermarkKey: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let name: String

    /// A key from any non-empty name ("lab-2026", a password, a user id).
    public init(_ name: String) throws {
        guard !name.isEmpty else {
            throw DetectionError.invalidSetting(operation: "watermark", setting: "key", value: "\"\"", allowed: "a non-empty text")
        }
        self.name = name
    }

    public var description: String { "WatermarkKey(\"\(name)\")" }

    /// FNV-1a, 64 bits, of the name's UTF-8: a stable hash (Swift's own `hashValue` changes
    /// from run to run, which would make yesterday's marks unreadable today).
    var seed: UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The ±1 signs for the block at (`blockRow`, `blockColumn`), one per coefficient in
    /// `Watermark.band`. Each block draws from its own generator, seeded from the key and the
    /// block's position, so the pattern of a block does not depend on how many blocks the
    /// picture has: cutting off the right or bottom edge leaves the other blocks' marks intact.
    func signs(blockRow: Int, blockColumn: Int, count: Int) -> [Float] {
        let position = UInt64(blockRow) << 32 | UInt64(blockColumn)
        var generator = RandomGenerator(seed: seed ^ (position &* 0x9E37_79B9_7F4A_7C15))
        return (0..<count).map { _ in generator.next() >> 63 == 0 ? -1 : 1 }
    }
}
