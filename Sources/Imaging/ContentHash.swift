/// FNV-1a, a tiny non-cryptographic hash (Fowler, Noll & Vo). We use it to check that files on
/// disk hold exactly the bytes the code generates; it is not meant to resist tampering.
///
///     hash = 14695981039346656037
///     for each byte: hash = (hash XOR byte) × 1099511628211   (mod 2⁶⁴)
public struct FNV1a64: Equatable, CustomStringConvertible {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    public mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }

    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hasher = FNV1a64()
        hasher.combine(bytes)
        return hasher.value
    }

    public var description: String { String(value, radix: 16) }
}
