import Foundation
import Imaging
import Testing
import TestSupport
import Models
@testable import Shell

/// Layers and models at the prompt: building, checking, running, summarising, saving.
@Suite(.temporaryFolders) struct LayerEvaluationTests {
    static let mlp = "let mlp = Sequential(Linear(784, 128), ReLU(), Linear(128, 10))"

    @Test func aModelPrintsAsATableOfLayers() {
        let printed = transcript(makeSession(), [Self.mlp, "mlp"])
        #expect(printed == """
            mlp = Sequential (101,770 parameters)
            Sequential: 3 layers, 101,770 parameters (397.5 KiB)
              #  layer                                                 output shape  parameters
              0  Linear(in_features=784, out_features=128, bias=True)  [1, 128]      100,480
              1  ReLU()                                                [1, 128]      0
              2  Linear(in_features=128, out_features=10, bias=True)   [1, 10]       1,290
            """)
    }

    @Test func summaryTakesAnInputShapeForConvolutions() {
        let printed = transcript(makeSession(), [
            "let d = Sequential(Conv2d(3, 8, kernel: 4, stride: 2, padding: 1), LeakyReLU(0.2), Flatten(), Linear(512, 1))",
            "d.summary(input: [1, 3, 16, 16])",
        ])
        #expect(printed.hasSuffix("""
            Sequential: 4 layers, 905 parameters (3.5 KiB)
              #  layer                                                            output shape  parameters
              0  Conv2d(3, 8, kernel_size=(4, 4), stride=(2, 2), padding=(1, 1))  [1, 8, 8, 8]  392
              1  LeakyReLU(negative_slope=0.2)                                    [1, 8, 8, 8]  0
              2  Flatten(start_dim=1, end_dim=-1)                                 [1, 512]      0
              3  Linear(in_features=512, out_features=1, bias=True)               [1, 1]        513
            """))
    }

    /// On a narrow terminal the layer column gives way: descriptions are cut with "…" to fit.
    @Test func summaryFitsANarrowTerminal() {
        let session = makeSession()
        session.context.displayWidth = 72
        let printed = transcript(session, [
            "let d = Sequential(Conv2d(3, 8, kernel: 4, stride: 2, padding: 1), Flatten(), Linear(512, 1))",
            "d.summary(input: [1, 3, 16, 16])",
        ])
        #expect(printed == """
            d = Sequential (905 parameters)
            Sequential: 3 layers, 905 parameters (3.5 KiB)
              #  layer                                      output shape  parameters
              0  Conv2d(3, 8, kernel_size=(4, 4), stride=…  [1, 8, 8, 8]  392
              1  Flatten(start_dim=1, end_dim=-1)           [1, 512]      0
              2  Linear(in_features=512, out_features=1, …  [1, 1]        513
            """)
        #expect(printed.split(separator: "\n").allSatisfy { $0.count <= 72 })
    }

    static let values: [(lines: [String], printed: String)] = [
        ([mlp, "mlp(randn([2, 784])).shape"], "[2, 10]"),
        ([mlp, "mlp[0].weight.shape"], "[128, 784]"),
        ([mlp, "mlp.count"], "3"),
        ([mlp, "mlp.parameterCount"], "101770"),
        (["Linear(4, 2, bias: false).parameterCount"], "8"),
        (["ConvTranspose2d(8, 3, kernel: 4, stride: 2, padding: 1)(zeros([1, 8, 4, 4])).shape"], "[1, 3, 8, 8]"),
        (["Upsample(scale: 2)(ones([1, 1, 2, 2])).shape"], "[1, 1, 4, 4]"),
        (["MaxPool2d(2)(ones([1, 1, 4, 4])).shape"], "[1, 1, 2, 2]"),
        (["Tanh()(tensor([0]))"], "Tensor[1]\n[0.0000]"),
        (["mseLoss(tensor([1, 2]), tensor([1, 4]))"], "2"),
    ]

    @Test(arguments: values)
    func printsValue(lines: [String], printed: String) {
        #expect(transcript(makeSession(), lines).components(separatedBy: "\n").suffix(printed.components(separatedBy: "\n").count)
            .joined(separator: "\n") == printed)
    }

    static let errors: [(line: String, message: String)] = [
        ("Sequential(Linear(784, 1024), ReLU(), Linear(784, 10))", """
            error: Linear (layer 2) expects 784 input features but got 1024 from layer 0 — make them match
              Sequential(Linear(784, 1024), ReLU(), Linear(784, 10))
                                                    ^~~~~~
            """),
        ("Sequential(Conv2d(3, 16, kernel: 3), BatchNorm2d(32))", """
            error: BatchNorm2d (layer 1) expects 32 input channels but got 16 from layer 0 — make them match
              Sequential(Conv2d(3, 16, kernel: 3), BatchNorm2d(32))
                                                   ^~~~~~~~~~~
            """),
        ("Linear(100000, 100000)", """
            error: Linear(100000, 100000)'s weight would need 37.3 GiB, more than the 2.0 GiB a single value may use — use smaller sizes
              Linear(100000, 100000)
              ^~~~~~
            """),
        ("Linear(784, 10)(ones([2, 100]))", """
            error: Linear expects 784 input features but got 100 (input shape [2, 100])
              Linear(784, 10)(ones([2, 100]))
              ^~~~~~
            """),
        ("Conv2D(3, 4, kernel: 3)", """
            error: unknown name 'Conv2D' — did you mean Conv2d?
              Conv2D(3, 4, kernel: 3)
              ^~~~~~
            """),
        ("Conv2d(3, 4, kernal: 3)", """
            error: Conv2d has no argument 'kernal' — did you mean kernel?
              Conv2d(3, 4, kernal: 3)
                           ^~~~~~~~~
            """),
        ("Conv2d(3, 4, 3)", """
            error: Conv2d: write the label for this argument — kernel: …
              Conv2d(3, 4, 3)
                           ^
            """),
        ("Sequential(Linear(2, 2), 3)", """
            error: Sequential: 'layers' must be a layer, not a number
              Sequential(Linear(2, 2), 3)
                                       ^
            """),
        ("Upsample(mode: \"cubic\")", """
            error: Upsample: 'mode' must be "nearest" or "bilinear"
              Upsample(mode: "cubic")
                       ^~~~~~~~~~~~~
            """),
    ]

    @Test(arguments: errors)
    func reportsError(line: String, message: String) {
        #expect(evaluateLine(line) == message)
    }

    @Test func saveWritesIntoTheOutputFolderAndLoadRestores() throws {
        let session = makeSession()
        let folder = session.context.outputFolder.path
        let printed = transcript(session, ["let a = Linear(3, 2)", "save(a, \"a.safetensors\")"])
        #expect(printed.hasSuffix("\"\(folder)/a.safetensors\""))
        #expect(!session.context.hasUnsavedWork)
        transcript(session, ["let b = Linear(3, 2)"])
        #expect(session.context.hasUnsavedWork)
        transcript(session, ["load(b, \"a.safetensors\")"])
        #expect(transcript(session, ["(a.weight - b.weight).abs().sum()"]) == "0")
        #expect(transcript(session, ["load(b, \"missing.safetensors\")"]) == """
            error: missing.safetensors: no such file (looked here and in \(folder))
              load(b, "missing.safetensors")
                      ^~~~~~~~~~~~~~~~~~~~~
            """)
    }

    @Test func scriptsMayNotWriteOutsideTheOutputFolder() {
        let session = makeSession()
        session.context.writePolicy = .insideOutputFolder
        let printed = transcript(session, ["save(Linear(1, 1), \"../escape.safetensors\")"])
        #expect(printed == """
            error: scripts may only write inside the session folder \(session.context.outputFolder.path), \
            not ../escape.safetensors — use a plain file name
              save(Linear(1, 1), "../escape.safetensors")
              ^~~~
            """)
    }

    @Test func earlierFilesAreNeverOverwritten() throws {
        let session = makeSession()
        let folder = session.context.outputFolder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder.appendingPathComponent("m.safetensors").path, contents: Data("old".utf8))
        let first = transcript(session, ["save(Linear(1, 1), \"m.safetensors\")"])
        let second = transcript(session, ["save(Linear(1, 1), \"m.safetensors\")"])
        #expect(first == "\"\(folder.path)/m-2.safetensors\"")
        #expect(second == first)  // this session's own file may be updated
        #expect(try String(contentsOf: folder.appendingPathComponent("m.safetensors"), encoding: .utf8) == "old")
    }

    @Test func showWritesAPNGAndQueuesThePicture() throws {
        let session = makeSession()
        let reply = session.enter("show(ones([4, 3, 8, 8]) * -1, name: \"grid\")")
        let path = session.context.outputFolder.appendingPathComponent("grid.png").path
        #expect(reply.outputs.first == .text("\"\(path)\""))
        guard case .picture(let picture)? = reply.outputs.last else { Issue.record("no picture"); return }
        let (image, text) = try PNGFile.read(path)
        #expect(image.width == picture.width && image.height == picture.height)
        #expect(picture.pixels.prefix(3) != [255, 255, 255])
        #expect(text.contains { $0.key == "Software" })
    }
}

/// The lessons' two-part models: named halves reachable with a dot, saved under PyTorch names.
@Suite(.temporaryFolders) struct TwoPartModelTests {
    @Test func halvesAreMembers() {
        let printed = transcript(makeSession(), ["let ae = Autoencoder(latent: 8, width: 4)", "ae.encoder.count",
                                                 "ae.encoder(zeros([2, 3, 32, 32])).shape", "ae(zeros([1, 3, 32, 32])).shape"])
        #expect(printed.hasSuffix("\n[2, 8]\n[1, 3, 32, 32]"))
    }

    @Test func aGANSummaryChainsGeneratorIntoDiscriminator() {
        let printed = transcript(makeSession(), ["let gan = DCGAN(latent: 16, width: 8)", "gan"])
        let lines = printed.components(separatedBy: "\n")
        #expect(lines.count == 5)
        #expect(lines[1] == "DCGAN: 2 parts, 30,160 parameters (117.8 KiB)")
        #expect(lines[3] == "  0  generator: Sequential(…)      [1, 3, 32, 32]  18,928")
        #expect(lines[4] == "  1  discriminator: Sequential(…)  [1, 1]          11,232")
    }

    /// Experiments' GANTrainer at the prompt: training the same GAN again continues its run and
    /// its files; another GAN's run gets `gan-2` files.
    @Test func trainGANTakesADCGAN() throws {
        let session = makeSession()
        let printed = transcript(session, ["let gan = DCGAN(latent: 8, width: 4)", "let other = DCGAN(latent: 8, width: 4)",
                                           "trainGAN(gan, steps: 2, batch: 4)", "trainGAN(gan, steps: 1, batch: 4)",
                                           "trainGAN(other, steps: 1, batch: 4)"])
        #expect(printed.contains("\ntrained to step 2 in ") && printed.contains("\ntrained to step 3 in "))
        #expect(printed.contains("\ntrained to step 1 in "))
        let files = try FileManager.default.contentsOfDirectory(atPath: session.context.outputFolder.path).sorted()
        #expect(files == ["gan-2-loss.csv", "gan-2-step-000001.png", "gan-loss.csv", "gan-step-000002.png", "gan-step-000003.png"])
        let csv = try String(contentsOf: session.context.outputFolder.appendingPathComponent("gan-loss.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 4)
    }

    @Test func checkpointsUsePyTorchNames() throws {
        let session = makeSession()
        transcript(session, ["let ae = Autoencoder(latent: 8, width: 4)", "save(ae, \"ae.safetensors\")"])
        let data = try Data(contentsOf: session.context.outputFolder.appendingPathComponent("ae.safetensors"))
        let length = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let header = String(decoding: data.dropFirst(8).prefix(length), as: UTF8.self)
        for key in ["encoder.0.weight", "encoder.7.bias", "decoder.0.weight"] {
            #expect(header.contains("\"\(key)\""))
        }
    }
}
