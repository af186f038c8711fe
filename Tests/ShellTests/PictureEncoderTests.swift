import Foundation
import Testing
import Imaging
@testable import Shell

/// The terminal picture encoders produce exact bytes, so they are checked byte for byte.
struct PictureEncoderTests {
    /// 2×2: red, green on top; blue, white below.
    static let square = Picture(Image(width: 2, height: 2, channels: 3, pixels: [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]))

    @Test func halfBlocksPutTheTopPixelInFrontAndTheBottomBehind() {
        let text = HalfBlockEncoder.encode(Self.square, maxColumns: 80, preferredColumns: 2)
        #expect(text == "\u{1B}[38;2;255;0;0m\u{1B}[48;2;0;0;255m▀\u{1B}[38;2;0;255;0m\u{1B}[48;2;255;255;255m▀\u{1B}[0m\n")
    }

    @Test func halfBlocksEnlargeSmallPicturesByAWholeFactor() {
        let text = HalfBlockEncoder.encode(Self.square, maxColumns: 80, preferredColumns: 8)
        let rows = text.split(separator: "\n")
        #expect(rows.count == 4)  // 8×8 pixels, two per character row
        #expect(rows[0].filter { $0 == "▀" }.count == 8)
    }

    @Test func halfBlocksShrinkWidePicturesToFit() {
        let wide = Picture(Image(width: 100, height: 10, channels: 3, pixels: Array(repeating: 128, count: 100 * 10 * 3)))
        let rows = HalfBlockEncoder.encode(wide, maxColumns: 50).split(separator: "\n")
        #expect(rows.count == 3)  // 50 columns × 5 pixel rows → 3 character rows, the last half empty
        #expect(rows.allSatisfy { $0.filter { $0 == "▀" }.count == 50 })
        #expect(rows[2].contains("\u{1B}[49m"))
    }

    @Test func kittySendsRawRGBWithItsSize() {
        let text = InlineImageEncoder.kitty(Self.square)
        let payload = Data(Self.square.pixels).base64EncodedString()
        #expect(text == "\u{1B}_Ga=T,f=24,s=2,v=2,m=0;\(payload)\u{1B}\\\n")
    }

    @Test func kittySplitsLargeImagesIntoChunks() {
        let big = Picture(Image(width: 64, height: 64, channels: 3, pixels: Array(repeating: 7, count: 64 * 64 * 3)))
        let text = InlineImageEncoder.kitty(big)
        // 12288 bytes → 16384 base64 characters → four chunks of 4096.
        #expect(text.components(separatedBy: "\u{1B}_G").count - 1 == 4)
        #expect(text.hasPrefix("\u{1B}_Ga=T,f=24,s=64,v=64,m=1;"))
        #expect(text.contains("\u{1B}_Gm=0;"))
        #expect(text.components(separatedBy: "\u{1B}_Gm=1;").count - 1 == 2)
    }

    @Test func iTermSendsTheFileInOneSequence() {
        let png = Data([0x89, 0x50, 0x4E, 0x47])
        let text = InlineImageEncoder.iTerm(pngData: png, name: "a.png")
        #expect(text == "\u{1B}]1337;File=name=YS5wbmc=;size=4;width=auto;preserveAspectRatio=1;inline=1:iVBORw==\u{07}\n")
    }

    static let modes: [(environment: [String: String], terminal: Bool, noImages: Bool, color: Bool, mode: PictureMode)] = [
        (["TERM": "xterm-kitty"], true, false, true, .kitty),
        (["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"], true, false, true, .iTerm),
        (["TERM": "xterm-256color"], true, false, true, .halfBlocks),
        (["TERM": "xterm-kitty"], false, false, true, .off),
        (["TERM": "xterm-kitty"], true, true, true, .off),
        (["TERM": "xterm-256color"], true, false, false, .off),
    ]

    @Test(arguments: modes)
    func picksTheProtocolTheTerminalAnnounces(environment: [String: String], terminal: Bool, noImages: Bool, color: Bool, mode: PictureMode) {
        #expect(PictureMode.detect(environment: environment, outputIsTerminal: terminal, imagesDisabled: noImages, colorEnabled: color) == mode)
    }

    @Test func colourHonoursNoColorAndTheFlag() {
        #expect(colorIsEnabled(environment: ["TERM": "xterm"], outputIsTerminal: true, disabledByFlag: false))
        #expect(!colorIsEnabled(environment: ["TERM": "xterm", "NO_COLOR": "1"], outputIsTerminal: true, disabledByFlag: false))
        #expect(!colorIsEnabled(environment: ["TERM": "xterm"], outputIsTerminal: true, disabledByFlag: true))
        #expect(!colorIsEnabled(environment: ["TERM": "xterm"], outputIsTerminal: false, disabledByFlag: false))
    }

    @Test func historyFollowsXDG() {
        #expect(HistoryLocation.file(environment: ["XDG_DATA_HOME": "/data"], home: "/home/ada").path == "/data/deepfake-lab/history")
        #expect(HistoryLocation.file(environment: [:], home: "/home/ada").path == "/home/ada/.local/share/deepfake-lab/history")
        #expect(HistoryLocation.file(environment: ["XDG_DATA_HOME": "relative"], home: "/home/ada").path == "/home/ada/.local/share/deepfake-lab/history")
    }
}
