import Imaging

/// How visible the edge of a paste is: along the mask's edge, how differently the colour changes
/// in the pasted picture than in the frame it was pasted into.
///
///     pairs  = every two side-by-side (or one-above-the-other) pixels p, q with M(p) ≥ ½ > M(q)
///     seam   = mean over pairs of | ΔE*ab(pasted p, pasted q) − ΔE*ab(frame p, frame q) |
///
/// ΔE*ab is the distance in L*a*b* (CIE 1976), the colour space built so that equal distances
/// look about equally different: about 2.3 is the smallest step people notice side by side
/// (Mahy, Van Eycken & Oosterlinck, 1994), and above about 5 two colours look different. The frame's own edge (skin next to hair, ears,
/// neck) is the reference, so the untouched frame scores 0. A face cut out and pasted with a hard
/// edge scores the jump between the two pictures; blending spreads the jump over the feather, and
/// colour matching shrinks it. That is what both steps are for. What it cannot say is whether the
/// face is the right one: a face repainted in the frame's skin tone scores well here and badly
/// against the true answer.
public enum SeamContrast {
    /// The seam of `pasted` against `frame` along `mask`'s half-way line (one weight per pixel),
    /// or nil when the mask has no such line (all face or no face).
    public static func measure(_ pasted: Image, frame: Image, mask: [Float]) -> Double? {
        precondition(mask.count == pasted.width * pasted.height && frame.width == pasted.width && frame.height == pasted.height,
                     "seam contrast needs a pasted picture, its frame and a mask of one size")
        let inPasted = ColourTransfer.labPixels(pasted), inFrame = ColourTransfer.labPixels(frame)
        let width = pasted.width, height = pasted.height
        var total = 0.0, pairs = 0
        func visit(_ p: Int, _ q: Int) {
            guard (mask[p] >= 0.5) != (mask[q] >= 0.5) else { return }
            total += abs(distance(inPasted[p], inPasted[q]) - distance(inFrame[p], inFrame[q]))
            pairs += 1
        }
        for y in 0..<height {
            for x in 0..<width {
                let index = y * width + x
                if x + 1 < width { visit(index, index + 1) }
                if y + 1 < height { visit(index, index + width) }
            }
        }
        return pairs > 0 ? total / Double(pairs) : nil
    }

    /// ΔE*ab (CIE 1976): the straight-line distance between two colours in L*a*b*.
    public static func distance(_ first: LabColour, _ second: LabColour) -> Double {
        let dl = first.l - second.l, da = first.a - second.a, db = first.b - second.b
        return (dl * dl + da * da + db * db).squareRoot()
    }
}
