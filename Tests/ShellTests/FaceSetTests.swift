import Foundation
import Testing
import TestSupport
import Models
@testable import Shell

/// `faces(…)` as a value: it prints like a notebook cell with a preview, goes where a tensor
/// goes, and hands its attributes to a classifier.
@Suite(.temporaryFolders) struct FaceSetTests {
    static let cases: [(lines: [String], printed: String)] = [
        (["let d = faces(count: 8)"], "d = Faces[8, 3, 32, 32]"),
        (["faces(count: 8).count"], "8"),
        (["faces(count: 8).images.shape"], "[8, 3, 32, 32]"),
        (["(faces(count: 8) * 2).shape"], "[8, 3, 32, 32]"),
        (["(-faces(count: 2)).shape"], "[2, 3, 32, 32]"),
        (["sqrt(faces(count: 2)).shape"], "[2, 3, 32, 32]"),
        (["Autoencoder(latent: 8, width: 4)(faces(count: 2)).shape"], "[2, 3, 32, 32]"),
        (["faces(count: 8).labels(\"glasses\").sum()"], "2"),
        (["faces(count: 8).labels(\"glasses\").shape"], "[8, 1]"),
        (["faces(count: 3).attribute(\"hairStyle\")"], "[\"short\", \"long\", \"curly\"]"),
        (["faces(count: 3).attribute(\"smile\").shape"], "[3, 1]"),
        (["faces(count: 3).labels(\"hat\")"], "error: labels: 'question' must be one of \"glasses\", \"smiling\", \"beard\", \"longHair\""),
        (["faces(count: 3).attribute(\"seed\")"], "error: attribute: 'name' is not an attribute of faces-32; see data.attributes"),
        (["train(FaceClassifier(width: 4), inputs: faces(count: 16), targets: faces(count: 16).labels(\"glasses\"), loss: \"bce\", steps: 2).steps"], "2"),
    ]

    @Test(arguments: cases)
    func prints(lines: [String], printed: String) throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        #expect(shownLine(lines) == printed)
    }

    /// A bare `faces(…)` is a cell: its size and attributes as text, then a preview grid.
    @Test func aBareFaceSetShowsItsSizeAndAPreview() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        let reply = makeSession().enter("faces(count: 20)")
        guard reply.outputs.count == 2, case .text(let text) = reply.outputs[0], case .picture(let picture) = reply.outputs[1] else {
            Issue.record("expected text then a picture, got \(reply.outputs)")
            return
        }
        #expect(text == """
            faces-32: 20 faces, Faces[20, 3, 32, 32] in [0, 1]
            attributes: split, role, faceWidth, faceLength, jawSquareness, skinTone, skinUndertone, hairStyle, \
            hairColor, hairVolume, hairline, hairPartSide, … (51 in all)
            questions for labels(…): glasses, smiling, beard, longHair
            """)
        // 16 faces shown, 8 across: 32 pixels and a 2-pixel gutter each, one more gutter at the edges.
        #expect(picture.width == 274 && picture.height == 70 && picture.savedPath == nil)
    }
}
