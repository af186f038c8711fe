import CPNG

/// PNG encoding and decoding in memory, through libpng's "simplified API".
///
/// The simplified API (png_image_*) reports errors in a struct instead of the classic
/// setjmp/longjmp dance, which Swift cannot use safely. Its output is deterministic: no
/// timestamps, fixed zlib settings, so the same pixels always give the same bytes with the
/// same libpng and zlib.
public enum PNGCodec {
    // libpng's PNG_FORMAT_* flags (png.h); the composite macros are not imported into Swift.
    private static let formatFlagAlpha: UInt32 = 0x01
    private static let formatFlagColor: UInt32 = 0x02
    /// The largest picture we will decode (64 megapixels, 256 MB as RGBA).
    public static let maximumPixelCount = 64 << 20

    /// Encodes an image as PNG bytes, with optional text metadata spliced in after IHDR.
    public static func encode(_ image: Image, text: [(key: String, value: String)] = []) throws -> [UInt8] {
        var control = png_image()
        control.version = png_uint_32(PNG_IMAGE_VERSION)
        control.width = png_uint_32(image.width)
        control.height = png_uint_32(image.height)
        control.format = format(forChannels: image.channels)
        let rowStride = png_int_32(image.width * image.channels)

        // First call measures, second call writes: libpng needs the buffer size up front.
        var size: png_alloc_size_t = 0
        let measured = image.pixels.withUnsafeBytes { pixels in
            png_image_write_to_memory(&control, nil, &size, 0, pixels.baseAddress, rowStride, nil)
        }
        guard measured != 0 else { throw failure(control, path: "<memory>", writing: true) }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        let written = bytes.withUnsafeMutableBytes { output in
            image.pixels.withUnsafeBytes { pixels in
                png_image_write_to_memory(&control, output.baseAddress, &size, 0, pixels.baseAddress, rowStride, nil)
            }
        }
        guard written != 0 else { throw failure(control, path: "<memory>", writing: true) }
        bytes.removeSubrange(Int(size)...)
        if text.isEmpty { return bytes }

        guard case .success(let chunks) = PNGChunks.parse(bytes) else {
            throw ImageFileError.unwritable(path: "<memory>", reason: "libpng produced an unreadable PNG")
        }
        let textChunks = text.map { PNGText.chunk(key: $0.key, value: $0.value) }
        return PNGChunks.serialise(PNGChunks.insertAfterHeader(textChunks, into: chunks))
    }

    /// Decodes PNG bytes into an image (gray, RGB or RGBA, 8 bits per channel) and its text
    /// metadata. `path` only names the file in error messages.
    public static func decode(_ bytes: [UInt8], path: String = "<memory>") throws -> (image: Image, text: [(key: String, value: String)]) {
        // Check the chunk structure first, so each kind of damage gets its own error.
        let chunks: [PNGChunks.Chunk]
        switch PNGChunks.parse(bytes) {
        case .success(let parsed): chunks = parsed
        case .failure(.empty): throw ImageFileError.emptyFile(path: path)
        case .failure(.notPNG): throw ImageFileError.notPNG(path: path)
        case .failure(.truncated): throw ImageFileError.truncated(path: path)
        case .failure(.badChecksum(let chunk)): throw ImageFileError.badChecksum(path: path, chunk: chunk)
        }

        var control = png_image()
        control.version = png_uint_32(PNG_IMAGE_VERSION)
        let began = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&control, $0.baseAddress, $0.count) }
        guard began != 0 else { throw failure(control, path: path, writing: false) }
        defer { png_image_free(&control) }

        // Keep colour vs gray from the file; any alpha (including gray+alpha) becomes RGBA.
        let hasAlpha = control.format & formatFlagAlpha != 0
        let hasColor = control.format & formatFlagColor != 0
        let channels = hasAlpha ? 4 : (hasColor ? 3 : 1)
        control.format = format(forChannels: channels)
        let width = Int(control.width), height = Int(control.height)
        // The header alone can claim any size; refuse before allocating gigabytes for it.
        guard width * height <= maximumPixelCount else {
            throw ImageFileError.undecodable(path: path, reason: "the picture claims \(width)×\(height) pixels, more than the lab's limit of 64 megapixels")
        }
        var pixels = [UInt8](repeating: 0, count: width * height * channels)
        let finished = pixels.withUnsafeMutableBytes {
            png_image_finish_read(&control, nil, $0.baseAddress, png_int_32(width * channels), nil)
        }
        guard finished != 0 else { throw failure(control, path: path, writing: false) }
        let image = Image(width: width, height: height, channels: channels, pixels: pixels)
        return (image, PNGText.entries(in: chunks))
    }

    private static func format(forChannels channels: Int) -> UInt32 {
        switch channels {
        case 1: return 0
        case 3: return formatFlagColor
        default: return formatFlagColor | formatFlagAlpha
        }
    }

    /// Turns libpng's message buffer (a C char[64] imported as a tuple) into a typed error.
    private static func failure(_ control: png_image, path: String, writing: Bool) -> ImageFileError {
        var message = control.message
        let text = withUnsafeBytes(of: &message) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        let reason = text.isEmpty ? "unknown libpng error" : text
        return writing ? .unwritable(path: path, reason: reason) : .undecodable(path: path, reason: reason)
    }
}
