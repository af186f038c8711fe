import Foundation

/// The two inline-image protocols terminals offer, for a sharper picture than half blocks.
///
/// Both send the image itself as base64 inside an escape sequence; the terminal decodes it and
/// draws real pixels. Which one to use depends on what the terminal announces (`PictureMode`).
public enum InlineImageEncoder {
    /// kitty's graphics protocol: raw RGB (`f=24`) with its size, sent in chunks of at most 4096
    /// base64 characters, every chunk but the last marked `m=1` ("more follows").
    /// Reference: https://sw.kovidgoyal.net/kitty/graphics-protocol/
    public static func kitty(_ picture: Picture, columns: Int? = nil) -> String {
        let payload = Data(picture.pixels).base64EncodedString()
        let chunkSize = 4096
        var chunks: [Substring] = []
        var start = payload.startIndex
        while start < payload.endIndex {
            let end = payload.index(start, offsetBy: chunkSize, limitedBy: payload.endIndex) ?? payload.endIndex
            chunks.append(payload[start..<end])
            start = end
        }
        if chunks.isEmpty { chunks = [""] }
        var text = ""
        for (index, chunk) in chunks.enumerated() {
            let more = index < chunks.count - 1 ? 1 : 0
            let keys = index == 0
                ? "a=T,f=24,s=\(picture.width),v=\(picture.height)" + (columns.map { ",c=\($0)" } ?? "") + ",m=\(more)"
                : "m=\(more)"
            text += "\u{1B}_G\(keys);\(chunk)\u{1B}\\"
        }
        return text + "\n"
    }

    /// iTerm2's inline images: a whole image file (here a PNG) in one OSC 1337 sequence.
    /// Reference: https://iterm2.com/documentation-images.html
    public static func iTerm(pngData: Data, name: String, widthInColumns: Int? = nil) -> String {
        let encodedName = Data(name.utf8).base64EncodedString()
        let width = widthInColumns.map(String.init) ?? "auto"
        return "\u{1B}]1337;File=name=\(encodedName);size=\(pngData.count);width=\(width);preserveAspectRatio=1;inline=1:"
            + pngData.base64EncodedString() + "\u{07}\n"
    }
}

/// How pictures appear in this terminal.
public enum PictureMode: Equatable, Sendable {
    case kitty
    case iTerm
    case halfBlocks
    /// Not drawn: `--no-images`, output to a file or pipe, or no colour. The PNG is still written.
    case off

    /// Decides from what the terminal announces: `TERM=xterm-kitty` means kitty's protocol,
    /// `TERM_PROGRAM=iTerm.app` iTerm2's, any other colour terminal gets half blocks.
    public static func detect(environment: [String: String], outputIsTerminal: Bool,
                              imagesDisabled: Bool, colorEnabled: Bool) -> PictureMode {
        guard outputIsTerminal, !imagesDisabled, colorEnabled else { return .off }
        if environment["TERM"] == "xterm-kitty" || environment["KITTY_WINDOW_ID"] != nil { return .kitty }
        if environment["TERM_PROGRAM"] == "iTerm.app" { return .iTerm }
        if environment["TERM"] == "dumb" { return .off }
        return .halfBlocks
    }
}

/// Whether to colour output: off with `--no-color`, with `NO_COLOR` set (https://no-color.org),
/// or when output is not a terminal (colour codes would litter a log file).
public func colorIsEnabled(environment: [String: String], outputIsTerminal: Bool, disabledByFlag: Bool) -> Bool {
    if disabledByFlag || !outputIsTerminal { return false }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    return environment["TERM"] != "dumb"
}
