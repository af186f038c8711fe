import Foundation

/// Provenance that photo tools and platforms read: an XMP packet carrying IPTC's "digital
/// source type", stored in PNG the way Adobe's XMP specification (Part 3, §1.1.5) says, as an
/// uncompressed `iTXt` chunk with the keyword `XML:com.adobe.xmp`.
///
/// The lab's own `tEXt` labels ("Synthetic: yes …") are read by people who look; this is read by
/// software: exiftool, Adobe's tools, and platforms that show an "AI info" label from the IPTC
/// field. Like every metadata chunk it disappears when a picture is re-encoded or uploaded to most
/// sites: it declares, it does not prove (see `inspect` in the Detection module).
///
/// Fields written:
/// - `Iptc4xmpExt:DigitalSourceType`, a URI from IPTC's controlled vocabulary
///   (https://cv.iptc.org/newscodes/digitalsourcetype/): `trainedAlgorithmicMedia` for a picture a
///   trained model made, `compositeWithTrainedAlgorithmicMedia` for a real-looking frame with a
///   generated part blended in, `algorithmicMedia` for a procedural render with no training.
/// - `xmp:CreatorTool`: the program (Deepfake Lab and its version).
/// - `Iptc4xmpExt:AISystemUsed` (IPTC Photo Metadata 2025.1): the generating model, when known.
/// - `dc:description`: one sentence with the model and seed, since no standard field holds a seed.
public struct XMPPacket: Equatable, Sendable {
    /// The PNG keyword XMP readers look for.
    public static let keyword = "XML:com.adobe.xmp"

    /// IPTC digital source types the lab uses.
    public enum DigitalSourceType: String, CaseIterable, Sendable {
        case trainedAlgorithmicMedia
        case compositeWithTrainedAlgorithmicMedia
        case algorithmicMedia

        /// The full URI, as the vocabulary defines it.
        public var uri: String { "http://cv.iptc.org/newscodes/digitalsourcetype/\(rawValue)" }
    }

    public var sourceType: DigitalSourceType
    public var creatorTool: String
    public var model: String?
    public var seed: UInt64?

    public init(sourceType: DigitalSourceType, creatorTool: String, model: String? = nil, seed: UInt64? = nil) {
        self.sourceType = sourceType
        self.creatorTool = creatorTool
        self.model = model
        self.seed = seed
    }

    /// The packet's XML. The `xpacket` wrapper and its fixed id are what lets a reader find the
    /// packet by scanning bytes; `begin` holds a byte-order mark (U+FEFF), as the specification asks.
    public var xml: String {
        let description = "Synthetic picture made by \(creatorTool)" + (model.map { " with \($0)" } ?? "")
            + (seed.map { ", seed \($0)" } ?? "") + "; no real person depicted."
        var attributes = [
            "xmp:CreatorTool=\"\(Self.escaped(creatorTool))\"",
            "Iptc4xmpExt:DigitalSourceType=\"\(sourceType.uri)\"",
        ]
        if let model { attributes.append("Iptc4xmpExt:AISystemUsed=\"\(Self.escaped(model))\"") }
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about=""
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
                \(attributes.joined(separator: "\n    "))>
               <dc:description><rdf:Alt><rdf:li xml:lang="x-default">\(Self.escaped(description))</rdf:li></rdf:Alt></dc:description>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>
            """
    }

    /// The `iTXt` chunk: keyword, then compression flag 0, method 0, empty language tag and
    /// translated keyword, then the UTF-8 XML. XMP in PNG must not be compressed.
    public var chunk: PNGChunks.Chunk {
        PNGChunks.Chunk(type: "iTXt", data: Array(Self.keyword.utf8) + [0, 0, 0, 0, 0] + Array(xml.utf8))
    }

    /// The digital source type URI in an XMP packet's text, whether written as an attribute
    /// (`Iptc4xmpExt:DigitalSourceType="…"`) or an element (`<Iptc4xmpExt:DigitalSourceType>…<`),
    /// or nil. A plain text search, not an XML parser: enough to report what a file claims.
    public static func digitalSourceType(in xml: String) -> String? {
        let name = "Iptc4xmpExt:DigitalSourceType"
        guard let start = xml.range(of: name)?.upperBound else { return nil }
        var rest = xml[start...].drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        guard let opener = rest.first, opener == "=" || opener == ">" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        if opener == "=" {
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
            return String(rest.dropFirst().prefix { $0 != quote })
        }
        let value = rest.prefix { $0 != "<" }.trimmingWhitespace
        return value.isEmpty ? nil : value
    }

    /// The five characters XML reserves, as entities.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }
}

private extension Substring {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
