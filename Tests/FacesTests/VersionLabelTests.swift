import Engine
import Imaging
import Testing

/// Imaging stands below the engine and keeps its own copy of the version for the PNG Software
/// label; this keeps the two from drifting apart.
@Test func pngSoftwareLabelNamesTheEngineVersion() {
    #expect(PNGFile.software == "Deepfake Lab \(Engine.version)")
}
