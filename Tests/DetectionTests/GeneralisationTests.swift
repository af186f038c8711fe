import Detection
import Faces
import Foundation
import Imaging
import Models
import Testing

@Suite struct GeneralisationTests {
    /// The whole pipeline on fixed seeds, with generators trained a few steps only (their
    /// fakes are crude, so every detector catches the kind it trained on): four sources, one
    /// row and column each, the diagonal marked and near perfect.
    @Test func tableOnFixedSeeds() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/pair-32/manifest.csv"))
        let faces = try FaceDatasetLoader.load("datasets-small/faces-32")
        let (train, test) = try faces.split()
        let factory = try FakeFactory(faces: try train.subset(Array(0..<256)), pairs: try FaceSwapData.load("datasets-small/pair-32"),
                                      settings: FakeFactory.Settings(ganSteps: 3, ganWidth: 4, swapSteps: 3, swapWidth: 4, seed: 1))
        let experiment = DetectionExperiment(factory: factory, realTraining: try FakeFactory.pictures(train, limit: 100),
                                             realTest: try FakeFactory.pictures(test, limit: 100))
        let table = try experiment.generalisationTable(.spectral, trainingCount: 20, testCount: 20)
        #expect(table.evaluations.count == 4 && table.evaluations.allSatisfy { $0.count == 4 })
        for index in 0..<4 { #expect(table.evaluations[index][index].averagePrecision > 0.9) }
        let lines = table.text.split(separator: "\n")
        #expect(lines[1] == "                DCGAN           upsample GAN    face swap       blended swap    ")
        #expect(lines[2].hasPrefix("DCGAN           ") && lines[2].contains("*"))
        // Same seeds, same table.
        let again = try experiment.generalisationTable(.spectral, trainingCount: 20, testCount: 20)
        #expect(again.text == table.text)
    }
}
