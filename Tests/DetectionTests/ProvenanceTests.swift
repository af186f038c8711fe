import Detection
import Faces
import Foundation
import Imaging
import Testing

/// Whether a program is on the PATH (for tests that need an outside tool).
func toolExists(_ name: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
}

/// Runs a program and returns what it printed.
func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self)
}

@Suite struct ProvenanceTests {
    static let face = FaceRenderer.render(FaceAttributes.random(seed: 9100), size: 32)

    /// Every labelled picture carries the XMP packet, in an uncompressed iTXt chunk.
    @Test func labelsCarryTheXMPPacketInITXt() throws {
        let bytes = try PNGCodec.encode(Self.face, text: PNGFile.labels(model: "DCGAN-32", seed: 7))
        let chunks = try #require(try? PNGChunks.parse(bytes).get())
        let entries = try PNGMetadata.textEntries(in: chunks, path: "face.png")
        let xmp = try #require(entries.first { $0.keyword == "XML:com.adobe.xmp" })
        #expect(xmp.chunkType == "iTXt" && !xmp.compressed)
        #expect(XMPPacket.digitalSourceType(in: xmp.text) == "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia")
        #expect(xmp.text.contains("Iptc4xmpExt:AISystemUsed=\"DCGAN-32\""))
        #expect(xmp.text.contains("seed 7"))
    }

    @Test func noSourceTypeMeansNoPacket() {
        #expect(!PNGFile.labels(source: nil).contains { $0.key == XMPPacket.keyword })
    }

    /// The source type read back from both ways XMP may write a property.
    @Test(arguments: [
        ("<a Iptc4xmpExt:DigitalSourceType=\"http://x/y\"/>", "http://x/y"),
        ("<Iptc4xmpExt:DigitalSourceType>\n  http://x/z </Iptc4xmpExt:DigitalSourceType>", "http://x/z"),
        ("<a Iptc4xmpExt:DigitalSourceType = 'q'/>", "q"),
        ("<a dc:title=\"t\"/>", nil),
    ] as [(String, String?)])
    func sourceTypeIsFoundAsAttributeOrElement(xml: String, expected: String?) {
        #expect(XMPPacket.digitalSourceType(in: xml) == expected)
    }

    /// exiftool, the reference reader, finds the digital source type, the creator tool and the
    /// model. Shown as skipped where exiftool is not installed (Debian: libimage-exiftool-perl).
    @Test(.enabled(if: toolExists("exiftool"), "needs exiftool (Debian: libimage-exiftool-perl)"),
          arguments: [XMPPacket.DigitalSourceType.trainedAlgorithmicMedia, .compositeWithTrainedAlgorithmicMedia])
    func exiftoolReadsTheDigitalSourceType(source: XMPPacket.DigitalSourceType) throws {
        try withTemporaryFolder("exiftool") { folder in
            let path = (folder as NSString).appendingPathComponent("swap.png")
            try PNGFile.write(Self.face, to: path, text: PNGFile.labels(model: "FaceSwap-32", seed: 3, source: source))
            let output = try run("exiftool", ["-n", "-s", "-XMP-iptcExt:DigitalSourceType", "-XMP-xmp:CreatorTool", "-XMP:all", path])
            #expect(output.contains("DigitalSourceType               : http://cv.iptc.org/newscodes/digitalsourcetype/\(source.rawValue)"))
            #expect(output.contains("CreatorTool                     : Deepfake Lab"))
            #expect(output.contains("FaceSwap-32"))
        }
    }
}
