import CGIF

/// Animated GIFs through giflib: how the lab writes a training timelapse, one frame per sample
/// grid, that any browser or image viewer plays.
///
/// A GIF frame holds at most 256 colours, so each frame is reduced to its own palette with
/// giflib's median-cut quantiser (`GifQuantizeBuffer`). Faces are smooth gradients of skin
/// colour; one palette per frame keeps them from banding more than they must.
public enum GIFFile {
    /// Writes `frames` (one size; grey, RGB or RGBA, alpha ignored) to `path` as a GIF89a that
    /// loops forever, showing each frame for `delay` hundredths of a second, the last for
    /// `lastDelay`. `comment` goes into a GIF comment block, where the synthetic-content label lives.
    public static func write(_ frames: [Image], to path: String, delay: Int = 60, lastDelay: Int = 200,
                             comment: String) throws {
        guard let first = frames.first else { throw ImageFileError.unwritable(path: path, reason: "there are no frames") }
        if let odd = frames.first(where: { $0.width != first.width || $0.height != first.height }) {
            throw ImageFileError.unwritable(path: path, reason: "frames differ in size: \(first.width)×\(first.height) "
                                            + "and \(odd.width)×\(odd.height)")
        }
        var status: Int32 = 0
        guard let gif = EGifOpenFileName(path, false, &status) else {
            throw ImageFileError.unwritable(path: path, reason: String(cString: GifErrorString(status)))
        }
        var closed = false
        defer { if !closed { EGifCloseFile(gif, &status) } }
        func check(_ result: Int32, _ what: String) throws {
            guard result == GIF_OK else {
                throw ImageFileError.unwritable(path: path, reason: "\(what): " + String(cString: GifErrorString(gif.pointee.Error)))
            }
        }
        EGifSetGifVersion(gif, true)
        try check(EGifPutScreenDesc(gif, Int32(first.width), Int32(first.height), 8, 0, nil), "screen")
        // The NETSCAPE2.0 application block: loop count 0 means "forever".
        try check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), "loop")
        try check(EGifPutExtensionBlock(gif, 11, Array("NETSCAPE2.0".utf8)), "loop")
        try check(EGifPutExtensionBlock(gif, 3, [1, 0, 0]), "loop")
        try check(EGifPutExtensionTrailer(gif), "loop")
        try check(EGifPutComment(gif, comment), "comment")
        for (index, frame) in frames.enumerated() {
            let rgb = frame.rgb()
            var control = GraphicsControlBlock(DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false,
                                               DelayTime: Int32(index == frames.count - 1 ? lastDelay : delay),
                                               TransparentColor: NO_TRANSPARENT_COLOR)
            var block = [GifByteType](repeating: 0, count: 4)
            _ = EGifGCBToExtension(&control, &block)
            try check(EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, block), "frame delay")
            let (indices, palette) = try quantise(rgb, path: path)
            guard let map = GifMakeMapObject(Int32(palette.count), palette) else {
                throw ImageFileError.unwritable(path: path, reason: "no memory for a palette")
            }
            defer { GifFreeMapObject(map) }
            try check(EGifPutImageDesc(gif, 0, 0, Int32(rgb.width), Int32(rgb.height), false, map), "frame")
            var pixels = indices
            for row in 0..<rgb.height {
                try pixels.withUnsafeMutableBufferPointer { buffer in
                    try check(EGifPutLine(gif, buffer.baseAddress! + row * rgb.width, Int32(rgb.width)), "frame")
                }
            }
        }
        closed = true
        guard EGifCloseFile(gif, &status) == GIF_OK else {
            throw ImageFileError.unwritable(path: path, reason: String(cString: GifErrorString(status)))
        }
    }

    /// One RGB picture as palette indices and a palette of 256 colours (median cut).
    static func quantise(_ rgb: Image, path: String) throws -> (indices: [GifByteType], palette: [GifColorType]) {
        let count = rgb.width * rgb.height
        var red = [GifByteType](repeating: 0, count: count), green = red, blue = red
        for i in 0..<count {
            red[i] = rgb.pixels[3 * i]
            green[i] = rgb.pixels[3 * i + 1]
            blue[i] = rgb.pixels[3 * i + 2]
        }
        var size: Int32 = 256
        var palette = [GifColorType](repeating: GifColorType(Red: 0, Green: 0, Blue: 0), count: 256)
        var indices = [GifByteType](repeating: 0, count: count)
        guard GifQuantizeBuffer(UInt32(rgb.width), UInt32(rgb.height), &size, &red, &green, &blue, &indices, &palette) == GIF_OK else {
            throw ImageFileError.unwritable(path: path, reason: "could not reduce a frame to 256 colours")
        }
        return (indices, palette)
    }
}
