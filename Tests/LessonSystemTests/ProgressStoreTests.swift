import Foundation
import Testing
@testable import Lessons

@Suite struct ProgressStoreTests {
    @Test func followsXDGDataHome() {
        #expect(ProgressStore.standard(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]).url.path == "/data/deepfake-lab/progress.json")
        #expect(ProgressStore.standard(environment: ["HOME": "/home/a"]).url.path == "/home/a/.local/share/deepfake-lab/progress.json")
        // The specification says a relative XDG_DATA_HOME is invalid and must be ignored.
        #expect(ProgressStore.standard(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/a"]).url.path == "/home/a/.local/share/deepfake-lab/progress.json")
    }

    @Test func savesAndLoadsByLessonAndStepID() throws {
        try withTemporaryFolder("progress") { folder in
            let store = ProgressStore(url: folder.appendingPathComponent("deepfake-lab/progress.json"))
            var progress = CourseProgress()
            progress.lessons["tensors", default: .init()].completedSteps = ["make-tensor"]
            progress.lessons["tensors", default: .init()].currentStep = "transpose"
            try store.save(progress)
            let loaded = store.load()
            #expect(loaded.progress == progress)
            #expect(loaded.notice == nil)
            // Nothing but the file itself is left behind: the write went through a renamed temporary.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("deepfake-lab").path) == ["progress.json"])
        }
    }

    @Test func aDamagedFileIsKeptAsideNotLost() throws {
        try withTemporaryFolder("damaged") { folder in
            let url = folder.appendingPathComponent("progress.json")
            try Data("{ not json".utf8).write(to: url)
            let store = ProgressStore(url: url)
            #expect(throws: ProgressError(path: url.path, reason: "holds something that is not lab progress; not replacing it")) {
                try store.save(CourseProgress())
            }
            let loaded = store.load()
            #expect(loaded.progress == CourseProgress())
            let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("progress.damaged-") }
            #expect(kept.count == 1)
            #expect(loaded.notice == "Your progress file \(url.path) could not be read, so it was kept as \(folder.appendingPathComponent(kept[0]).path) and the course starts afresh.")
            #expect(String(decoding: try Data(contentsOf: folder.appendingPathComponent(kept[0])), as: UTF8.self) == "{ not json")
        }
    }
}
