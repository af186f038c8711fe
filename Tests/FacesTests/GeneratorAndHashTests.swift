import Engine
import Imaging
import Testing
import Faces

/// The building blocks of reproducibility, checked against published values.
@Suite struct GeneratorAndHashTests {
    /// Test vectors from the FNV reference page (http://www.isthe.com/chongo/tech/comp/fnv/),
    /// re-checked with a four-line Python version of the algorithm.
    @Test(arguments: [("", 0xCBF2_9CE4_8422_2325), ("a", 0xAF63_DC4C_8601_EC8C), ("foobar", 0x8594_4171_F739_67E8)] as [(String, UInt64)])
    func fnvMatchesReferenceVectors(text: String, hash: UInt64) {
        #expect(FNV1a64.hash(Array(text.utf8)) == hash)
    }

    /// SplitMix64 from seed 0: the first outputs of Vigna's reference C code (splitmix64.c),
    /// re-checked in Python.
    @Test func splitMixMatchesTheReference() {
        var generator = SplitMix64(seed: 0)
        #expect([generator.next(), generator.next(), generator.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test func unitFloatsStayInRange() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<10_000 {
            let value = generator.unit()
            #expect(value >= 0 && value < 1)
        }
        var weighted = SplitMix64(seed: 1)
        let picks = (0..<1000).map { _ in weighted.pick(weights: [0, 1, 0]) }
        #expect(picks.allSatisfy { $0 == 1 })
    }
}
