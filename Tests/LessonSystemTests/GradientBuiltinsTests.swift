import Engine
import Foundation
import Shell
import Testing
@testable import Lessons

/// Lesson 1's tools at the prompt: param, backward, grad and zeroGrad, line in, text out.
@Suite struct GradientBuiltinsTests {
    func transcript(_ lines: [String]) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-grad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = Session(outputFolder: folder, registry: .withLessonTools())
        return lines.flatMap { line -> [String] in
            let reply = session.enter(line)
            return reply.outputs.compactMap { if case .text(let text) = $0 { return text } else { return nil } } + (reply.error.map { [$0] } ?? [])
        }.joined(separator: "\n")
    }

    @Test(arguments: [
        // d(3w²)/dw = 6w = 12 at w = 2; a second backward adds another 12.
        (["let w = param(2)", "backward(w * w * 3)", "grad(w)", "backward(w * w * 3)", "grad(w)", "zeroGrad(w)", "grad(w)"],
         "w = Tensor[]\nTensor[]\n[12.0000]\nTensor[]\n[24.0000]\nTensor[]\n[0.0000]"),
        // A neuron at z = 0: σ'(0) = 0.25, times each input.
        (["let v = param([[0.5], [-1], [0.5]])", "backward(tensor([[1, 2, 3]]).matmul(v).sigmoid())", "grad(v)"],
         "v = Tensor[3, 1]\nTensor[3, 1]  min 0.2500  max 0.7500  mean 0.5000\n[0.2500, 0.5000, 0.7500]"),
        (["backward(tensor([1]))"],
         "error: backward: 'output' was not computed from any param(…), so it has no gradient to pass back\n  backward(tensor([1]))\n           ^~~~~~"),
        (["let w = param([1, 2])", "backward(w * 2)"],
         "w = Tensor[2]\nerror: backward: 'output' has shape [2]; backward starts from one number, such as a loss (try .sum())\n  backward(w * 2)\n           ^~~"),
        (["grad(tensor([1]))"],
         "error: grad: 'parameter' is not a param(…), so it never gets a gradient\n  grad(tensor([1]))\n       ^~~~~~"),
        (["param(\"two\")"],
         "error: param: 'values' must be a number or a list of numbers, not a string\n  param(\"two\")\n        ^~~~~"),
    ])
    func gradientsAtThePrompt(_ lines: [String], _ expected: String) {
        Random.withSeed(0) {
            #expect(transcript(lines) == expected)
        }
    }
}
