import Foundation
import Testing
import TestSupport
@testable import Engine

/// Saving and loading a layer's stateDict, including a file written by PyTorch itself.
@Suite(.temporaryFolders) struct CheckpointTests {
    static func mlp(_ sizes: [Int], seed: UInt64) throws -> Sequential {
        try Random.withSeed(seed) {
            let model = Sequential()
            for (index, (inputs, outputs)) in zip(sizes, sizes.dropFirst()).enumerated() {
                if index > 0 { model.append(Tanh()) }
                model.append(try Linear(inputs, outputs))
            }
            return model
        }
    }

    @Test func saveAndLoadRoundTrip() throws {
        let folder = try temporaryFolder("checkpoint").path
        let path = folder + "/mlp.safetensors"
        let original = try Self.mlp([3, 5, 2], seed: 1), copy = try Self.mlp([3, 5, 2], seed: 2)
        try Checkpoint.save(original, to: path, metadata: ["lesson": "xor"])
        try Checkpoint.save(original, to: path, metadata: ["lesson": "xor"])  // overwriting works too
        let metadata = try Checkpoint.load(into: copy, from: path)
        let x = sample([4, 3])
        #expect(try copy(x).data == original(x).data)
        #expect(metadata["software"] == "Deepfake Lab" && metadata["version"] == Engine.version)
        #expect(metadata["lesson"] == "xor" && metadata["architecture"] == original.description)
        // The atomic write leaves only the checkpoint behind, no temporary file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["mlp.safetensors"])
    }

    static let mismatches: [(String, [Int], String)] = [
        ("wider hidden layer", [3, 6, 2],
         "does not fit the model: 0.weight has shape [5, 3] in the file but [6, 3] in the model; "
            + "0.bias has shape [5] in the file but [6] in the model; "
            + "2.weight has shape [2, 5] in the file but [2, 6] in the model"),
        ("one more layer", [3, 5, 2, 1], "does not fit the model: missing keys: 4.weight, 4.bias"),
        ("everything at once", [3, 4, 2, 1], "does not fit the model: missing keys: 4.weight, 4.bias; "
            + "0.weight has shape [5, 3] in the file but [4, 3] in the model; "
            + "0.bias has shape [5] in the file but [4] in the model; "
            + "2.weight has shape [2, 5] in the file but [2, 4] in the model"),
        ("one layer fewer", [3, 5], "does not fit the model: unexpected keys: 2.bias, 2.weight"),
    ]

    @Test(arguments: mismatches)
    func loadReportsEveryMismatchByName(name: String, sizes: [Int], reason: String) throws {
        let folder = try temporaryFolder("checkpoint").path
        let path = folder + "/mlp.safetensors"
        try Checkpoint.save(try Self.mlp([3, 5, 2], seed: 1), to: path)
        let other = try Self.mlp(sizes, seed: 2)
        let before = other.stateDict().map(\.tensor.data)
        let error = #expect(throws: EngineError.self) { try Checkpoint.load(into: other, from: path) }
        #expect(error == .checkpoint(path: path, reason: reason), "\(name)")
        #expect(other.stateDict().map(\.tensor.data) == before, "a failed load must leave the model unchanged")
    }

    /// A file with many keys the model lacks gives one short line: five names and the count.
    @Test func manyUnexpectedKeysAreSummarised() throws {
        let folder = try temporaryFolder("hostile").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/deep.safetensors"
        try Checkpoint.save(try Self.mlp([3, 4, 4, 4, 4, 2], seed: 1), to: path)
        #expect(throws: EngineError.checkpoint(path: path, reason: "does not fit the model: unexpected keys: "
                + "2.bias, 2.weight, 4.bias, 4.weight, 6.bias, … (8 keys in all)")) {
            try Checkpoint.load(into: try Self.mlp([3, 4], seed: 2), from: path)
        }
    }

    /// A stand-in for BatchNorm's state: a parameter and an integer counter buffer.
    final class Counting: Layer {
        let weight = Tensor(shape: [2], data: [0.5, 1.5], requiresGrad: true)
        let numBatchesTracked: Tensor
        init(counterShape: [Int] = []) { numBatchesTracked = Tensor(shape: counterShape, data: [7]) }
        var isTraining = true
        var shapeContract: ShapeContract { .keepsWidth }
        func callAsFunction(_ input: Tensor) throws -> Tensor { input }
        var parameters: [(name: String, tensor: Tensor)] { [("weight", weight)] }
        var buffers: [(name: String, tensor: Tensor)] { [("num_batches_tracked", numBatchesTracked)] }
        var description: String { "Counting()" }
    }

    /// The counter is written as PyTorch's I64 scalar whether the layer keeps it as [] or [1],
    /// and either form loads into either.
    @Test(arguments: [([], []), ([1], []), ([], [1]), ([1], [1])] as [([Int], [Int])])
    func batchCounterIsStoredAsInt64Scalar(savedShape: [Int], loadedShape: [Int]) throws {
        let folder = try temporaryFolder("checkpoint").path
        let path = folder + "/bn.safetensors"
        try Checkpoint.save(Sequential(Counting(counterShape: savedShape)), to: path)
        let stored = try SafeTensors.read(from: path).entries
        #expect(stored.map(\.name) == ["0.num_batches_tracked", "0.weight"])  // I64 first, as Python orders
        #expect(stored[0].dtype == .i64 && stored[0].shape == [] && stored[0].values == [7])
        let fresh = Counting(counterShape: loadedShape)
        fresh.numBatchesTracked.data = [0]
        try Checkpoint.load(into: Sequential(fresh), from: path)
        #expect(fresh.numBatchesTracked.data == [7] && fresh.weight.data == [0.5, 1.5])
    }

    /// A checkpoint written by PyTorch's safetensors library, embedded here, loads into the
    /// equivalent lab model and gives PyTorch's outputs to 1e-5. Made with PyTorch 2.15 (CPU),
    /// safetensors 0.8.0:
    ///
    ///     import base64, torch
    ///     from safetensors.torch import save
    ///     torch.manual_seed(0)
    ///     model = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.Tanh(), torch.nn.Linear(5, 2))
    ///     x = torch.tensor([[0.5, -1.0, 2.0], [0.0, 0.3, -0.7], [1.5, 2.5, -3.0], [-0.2, 0.1, 0.05]])
    ///     with torch.no_grad(): y = model(x)
    ///     print(base64.b64encode(save(model.state_dict())).decode())
    ///     print(y.flatten().tolist())
    static let torchCheckpoint = """
        AAEAAAAAAAB7IjAuYmlhcyI6eyJkdHlwZSI6IkYzMiIsInNoYXBlIjpbNV0sImRhdGFfb2Zmc2V0cyI6WzAsMjBdfSwiMC53ZWlnaHQiOnsiZH\
        R5cGUiOiJGMzIiLCJzaGFwZSI6WzUsM10sImRhdGFfb2Zmc2V0cyI6WzIwLDgwXX0sIjIuYmlhcyI6eyJkdHlwZSI6IkYzMiIsInNoYXBlIjpb\
        Ml0sImRhdGFfb2Zmc2V0cyI6WzgwLDg4XX0sIjIud2VpZ2h0Ijp7ImR0eXBlIjoiRjMyIiwic2hhcGUiOlsyLDVdLCJkYXRhX29mZnNldHMiOl\
        s4OCwxMjhdfX0gICAgICAgCDSvPI25aT5mXrE+0mbIvmm5gL7oo427E5OePn5L877Ji9m+sbRjvlOJHj5Aazu8emHqPkLdUb3ScBw+nqsyvupr\
        6L29Mw2/1sXDvoS1c77zgTK+StXFPodVJj4AI74+tH28ve1Xqz51oJO9MdRBPXZUzz5sadS+vSWQvlXf570=
        """
    static let torchOutputs: [Float] = [-0.184513032, 0.799547255, -0.233020544, 0.35023886,
                                        -0.453982949, -0.143247426, -0.222337425, 0.489559501]

    @Test func loadsAFileWrittenByPyTorch() throws {
        let folder = try temporaryFolder("checkpoint").path
        let path = folder + "/torch.safetensors"
        try #require(Data(base64Encoded: Self.torchCheckpoint)).write(to: URL(fileURLWithPath: path))
        let model = try Self.mlp([3, 5, 2], seed: 9)
        try Checkpoint.load(into: model, from: path)
        let x = try Tensor(rows: [[0.5, -1.0, 2.0], [0.0, 0.3, -0.7], [1.5, 2.5, -3.0], [-0.2, 0.1, 0.05]])
        expectClose(try model(x).data, Self.torchOutputs, tolerance: 1e-5, "lab outputs vs PyTorch")
        // Saved again by the lab, the file holds the same tensors (the lab adds only metadata).
        try Checkpoint.save(model, to: path)
        let bytes = try SafeTensors.decode([UInt8](try #require(Data(base64Encoded: Self.torchCheckpoint))), path: "torch")
        #expect(try SafeTensors.read(from: path).entries == bytes.entries)
    }

    /// Writes a trained checkpoint and an input/output pair for scripts/check_pytorch_parity.py.
    /// Runs only when LAB_PARITY_DIR names a folder (manual verification, not CI):
    ///
    ///     LAB_PARITY_DIR=/tmp/parity swift test --skip-build --filter exportForPyTorchParity
    ///     python3 scripts/check_pytorch_parity.py /tmp/parity/mlp.safetensors /tmp/parity/pair.safetensors
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LAB_PARITY_DIR"] != nil))
    func exportForPyTorchParity() throws {
        let folder = ProcessInfo.processInfo.environment["LAB_PARITY_DIR"]!
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (inputs, labels) = TrainingTests.twoMoons(count: 128, noise: 0.1, seed: 11)
        let model = try Random.withSeed(4) {
            Sequential(try Linear(2, 16), ReLU(), try Linear(16, 16), LeakyReLU(negativeSlope: 0.2), try Linear(16, 1), Sigmoid())
        }
        let optimizer = try Adam(model.namedParameters(), learningRate: 0.01)
        for _ in 0..<100 {
            optimizer.zeroGrad()
            try mseLoss(try model(inputs), Tensor(shape: [labels.count, 1], data: labels)).backward()
            optimizer.step()
        }
        let outputs = try GradientMode.withoutGradients { try model(inputs) }
        try Checkpoint.save(model, to: folder + "/mlp.safetensors")
        try SafeTensors.write([SafeTensors.Entry(name: "input", shape: inputs.shape, values: inputs.data),
                               SafeTensors.Entry(name: "output", shape: outputs.shape, values: outputs.data)],
                              to: folder + "/pair.safetensors")
    }
}
