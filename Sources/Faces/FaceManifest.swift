/// The manifest: one CSV row per picture with everything that made it (2 decimals; angles and
/// landmark pixels 1), so a lesson can ask
/// "which faces smile?" or "where are the eyes?" without looking at pixels.
///
/// Numbers are written with a fixed number of decimals by our own formatter, so the file is
/// byte-identical on every machine (no locale, no shortest-round-trip differences).
public enum FaceManifest {
    public static let identityColumns = [
        "faceWidth", "faceLength", "jawSquareness", "skinTone", "skinUndertone", "hairStyle", "hairColor",
        "hairVolume", "hairline", "hairPartSide", "eyeSize", "eyeSpacing", "eyeRoundness", "eyeTilt", "eyeColor",
        "browThickness", "browArch", "noseLength", "noseWidth", "mouthWidth", "lipFullness", "earSize",
        "glasses", "facialHair", "clothingHue",
    ]
    public static let momentColumns = [
        "smile", "mouthOpen", "browRaise", "eyeOpenness", "gazeX", "gazeY", "yaw", "roll", "pitch",
        "lightSide", "lightHeight", "lightIntensity", "backgroundTop", "backgroundBottom",
    ]
    public static let landmarkColumns = FaceLandmarks.columnNames.flatMap { ["\($0)X", "\($0)Y"] }
    /// index: row number; sheet, x, y: where the picture is; split: train or test; role: who
    /// (person, A, B, or B-as-A: B in exactly A's expression, pose and light); source: the
    /// index of the picture whose moment was copied (−1 if none); seed: the generator seed.
    public static let placementColumns = ["index", "sheet", "x", "y", "split", "role", "source", "seed"]
    public static var header: String {
        (placementColumns + identityColumns + momentColumns + landmarkColumns).joined(separator: ",")
    }

    public static func identityFields(_ id: FaceIdentity) -> [String] {
        [fixed(id.faceWidth), fixed(id.faceLength), fixed(id.jawSquareness), fixed(id.skinTone), fixed(id.skinUndertone),
         id.hairStyle.rawValue, id.hairColor.rawValue, fixed(id.hairVolume), fixed(id.hairline), fixed(id.hairPartSide),
         fixed(id.eyeSize), fixed(id.eyeSpacing), fixed(id.eyeRoundness), fixed(id.eyeTilt), id.eyeColor.rawValue,
         fixed(id.browThickness), fixed(id.browArch), fixed(id.noseLength), fixed(id.noseWidth), fixed(id.mouthWidth),
         fixed(id.lipFullness), fixed(id.earSize), id.glasses.rawValue, id.facialHair.rawValue, fixed(id.clothingHue)]
    }

    public static func momentFields(_ a: FaceAttributes) -> [String] {
        let e = a.expression, p = a.pose, s = a.scene
        return [fixed(e.smile), fixed(e.mouthOpen), fixed(e.browRaise), fixed(e.eyeOpenness), fixed(e.gazeX), fixed(e.gazeY),
                fixed(p.yaw, decimals: 1), fixed(p.roll, decimals: 1), fixed(p.pitch, decimals: 1),
                fixed(s.lightSide), fixed(s.lightHeight), fixed(s.lightIntensity), hex(s.backgroundTop), hex(s.backgroundBottom)]
    }

    public static func landmarkFields(_ landmarks: FaceLandmarks) -> [String] {
        landmarks.points.flatMap { [fixed($0.x, decimals: 1), fixed($0.y, decimals: 1)] }
    }

    /// A number with exactly `decimals` digits after the point, rounded half away from zero.
    public static func fixed(_ value: Float, decimals: Int = 2) -> String {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((Double(value) * Double(scale)).rounded())
        let magnitude = scaled.magnitude
        let whole = magnitude / UInt64(scale), fraction = magnitude % UInt64(scale)
        var fractionText = String(fraction)
        while fractionText.count < decimals { fractionText = "0" + fractionText }
        let sign = scaled < 0 ? "-" : ""
        return decimals == 0 ? sign + String(whole) : "\(sign)\(whole).\(fractionText)"
    }

    /// An sRGB colour as #rrggbb.
    public static func hex(_ color: SIMD3<Float>) -> String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for value in [color.x, color.y, color.z] {
            let byte = Int(min(max(value, 0), 255).rounded())
            text.append(digits[byte / 16]); text.append(digits[byte % 16])
        }
        return text
    }

    /// Splits a manifest into its header names and rows of fields (our files never quote).
    public static func parse(_ text: String) -> (columns: [String], rows: [[String]]) {
        var columns: [String]? = nil
        var rows: [[String]] = []
        forEachLine(text) { fields in
            if columns == nil { columns = fields } else { rows.append(fields) }
            return true
        }
        return (columns ?? [], rows)
    }

    /// Calls `body` with the comma-separated fields of each non-empty line in turn, until it
    /// returns false. Lines may end in LF or CRLF (a manifest saved on Windows). The text is
    /// walked once, line by line, so a loader that wants four rows of a million-row file reads
    /// four rows, not a million.
    public static func forEachLine(_ text: String, _ body: ([String]) throws -> Bool) rethrows {
        let bytes = text.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var lineBytes = bytes[start..<end]
            if lineBytes.last == UInt8(ascii: "\r") { lineBytes = lineBytes.dropLast() }
            start = end == bytes.endIndex ? end : bytes.index(after: end)
            if lineBytes.isEmpty { continue }
            let line = String(decoding: lineBytes, as: UTF8.self)
            guard try body(line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)) else { return }
        }
    }
}

extension FaceManifest {
    /// Rebuilds the attributes of one manifest row (the inverse of the field writers above), or
    /// nil when a column is missing or malformed. Rendering them gives the row's picture again.
    public static func attributes(columns: [String], row: [String]) -> FaceAttributes? {
        var fields: [String: String] = [:]
        for (name, value) in zip(columns, row) { fields[name] = value }
        func number(_ name: String) -> Float? { fields[name].flatMap(Float.init) }
        func color(_ name: String) -> SIMD3<Float>? {
            guard let text = fields[name], text.count == 7, text.first == "#",
                  let value = UInt32(text.dropFirst(), radix: 16) else { return nil }
            return SIMD3(Float(value >> 16), Float((value >> 8) & 0xFF), Float(value & 0xFF))
        }
        guard let hairStyle = fields["hairStyle"].flatMap(HairStyle.init(rawValue:)),
              let hairColor = fields["hairColor"].flatMap(HairColor.init(rawValue:)),
              let eyeColor = fields["eyeColor"].flatMap(EyeColor.init(rawValue:)),
              let glasses = fields["glasses"].flatMap(Glasses.init(rawValue:)),
              let facialHair = fields["facialHair"].flatMap(FacialHair.init(rawValue:)),
              let top = color("backgroundTop"), let bottom = color("backgroundBottom") else { return nil }
        let numbers = (identityColumns + momentColumns).filter { !["hairStyle", "hairColor", "eyeColor", "glasses", "facialHair",
                                                                    "backgroundTop", "backgroundBottom"].contains($0) }
        var values: [String: Float] = [:]
        for name in numbers {
            guard let value = number(name) else { return nil }
            values[name] = value
        }
        let v = { (name: String) in values[name]! }
        let identity = FaceIdentity(
            faceWidth: v("faceWidth"), faceLength: v("faceLength"), jawSquareness: v("jawSquareness"),
            skinTone: v("skinTone"), skinUndertone: v("skinUndertone"),
            hairStyle: hairStyle, hairColor: hairColor, hairVolume: v("hairVolume"), hairline: v("hairline"),
            hairPartSide: v("hairPartSide"), eyeSize: v("eyeSize"), eyeSpacing: v("eyeSpacing"),
            eyeRoundness: v("eyeRoundness"), eyeTilt: v("eyeTilt"), eyeColor: eyeColor,
            browThickness: v("browThickness"), browArch: v("browArch"), noseLength: v("noseLength"),
            noseWidth: v("noseWidth"), mouthWidth: v("mouthWidth"), lipFullness: v("lipFullness"), earSize: v("earSize"),
            glasses: glasses, facialHair: facialHair, clothingHue: v("clothingHue"))
        return FaceAttributes(
            identity: identity,
            expression: FaceExpression(smile: v("smile"), mouthOpen: v("mouthOpen"), browRaise: v("browRaise"),
                                       eyeOpenness: v("eyeOpenness"), gazeX: v("gazeX"), gazeY: v("gazeY")),
            pose: FacePose(yaw: v("yaw"), roll: v("roll"), pitch: v("pitch")),
            scene: FaceScene(lightSide: v("lightSide"), lightHeight: v("lightHeight"), lightIntensity: v("lightIntensity"),
                             backgroundTop: top, backgroundBottom: bottom)
        ).quantized()
    }
}
