import Foundation
import Imaging
import Testing
import Faces

/// The committed datasets must be exactly what the code makes. Re-rendering everything in
/// memory (about 16,000 small faces, on all cores) and comparing each sheet's decoded pixels
/// and each manifest's bytes catches any change to the renderer that was not followed by
/// `lab data generate`. Pixels, not PNG bytes, are compared: another zlib may compress the
/// same pixels differently.
@Suite struct CommittedDatasetTests {
    static let datasetsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets-small").path

    @Test(arguments: FaceDatasetRecipe.all.map(\.name))
    func committedDatasetsMatchTheGenerator(name: String) throws {
        let recipe = try #require(FaceDatasetRecipe.all.first { $0.name == name })
        let folder = (Self.datasetsFolder as NSString).appendingPathComponent(name)
        let manifest = try PNGFile.readBytes((folder as NSString).appendingPathComponent("manifest.csv"))
        #expect(FNV1a64.hash(manifest) == FNV1a64.hash(Array(recipe.manifest().utf8)), "\(name)/manifest.csv differs from the generator: run `lab data generate`")
        let sheets = recipe.renderSheets()
        for (number, sheet) in sheets.enumerated() {
            let path = (folder as NSString).appendingPathComponent(FaceDatasetRecipe.sheetName(number))
            let committed = try PNGFile.read(path)
            #expect(FNV1a64.hash(committed.image.pixels) == FNV1a64.hash(sheet.pixels), "\(path) differs from the generator: run `lab data generate`")
            #expect(committed.text.contains { $0.key == "Synthetic" && $0.value == PNGFile.syntheticLabel })
        }
        // No stray sheets left over from a larger earlier version.
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".png") }
        #expect(files.count == sheets.count)
    }

    @Test func datasetsStayUnderThirtyMegabytes() throws {
        var total = 0
        let enumerator = FileManager.default.enumerator(atPath: Self.datasetsFolder)
        while let file = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: (Self.datasetsFolder as NSString).appendingPathComponent(file))
            if attributes[.type] as? FileAttributeType == .typeRegular { total += (attributes[.size] as? Int) ?? 0 }
        }
        #expect(total < 30_000_000)
    }

    @Test func loaderReadsTheSwapAnswers() throws {
        let folder = (Self.datasetsFolder as NSString).appendingPathComponent("pair-32")
        let answers = try FaceDatasetLoader.load(folder, roles: ["B-as-A"])
        #expect(answers.count == 100 && answers.channels == 3 && answers.height == 32)
        // Each answer points at the A picture whose moment it copies, and shares its seed.
        let all = try FaceDatasetLoader.load(folder)
        let source = try #require(Int(answers.attribute("source", of: 0) ?? ""))
        #expect(all.attribute("role", of: source) == "A")
        #expect(all.attribute("seed", of: source) == answers.attribute("seed", of: 0))
        let (train, heldOut) = try all.split()
        #expect(train.count == 4_000 && heldOut.count == 400)
    }

    /// Input i and answer i share the moment: same expression, pose and light, other person.
    @Test func swapExamPairsInputsWithTheirAnswers() throws {
        let folder = (Self.datasetsFolder as NSString).appendingPathComponent("pair-64")
        let exam = try FaceDatasetLoader.swapExam(folder)
        #expect(exam.inputs.count == 50 && exam.answers.count == 50)
        for index in [0, 49] {
            #expect(exam.inputs.attribute("role", of: index) == "A" && exam.answers.attribute("role", of: index) == "B-as-A")
            for column in ["seed", "smile", "yaw", "lightSide", "backgroundTop"] {
                #expect(exam.inputs.attribute(column, of: index) == exam.answers.attribute(column, of: index))
            }
        }
        let reverse = try FaceDatasetLoader.swapExam(folder, from: "B", to: "A")
        #expect(reverse.answers.attribute("role", of: 0) == "A-as-B")
    }
}
