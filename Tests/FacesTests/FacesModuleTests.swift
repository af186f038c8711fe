import Testing
import Faces

@Test func facesModuleLinks() { #expect(String(describing: FaceRenderer.self) == "FaceRenderer") }
