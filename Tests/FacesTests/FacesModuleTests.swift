import Testing
import Faces

@Test func facesModuleLinks() { #expect(String(describing: Faces.self) == "Faces") }
