/// "Did you mean …?": the closest known name to a mistyped one.
///
/// Closeness is the edit distance counting insertions, deletions, substitutions and swaps of two
/// neighbouring letters (`stpes` is one swap from `steps`: the commonest typo), computed
/// case-insensitively first so `Conv2D` finds `Conv2d`. A suggestion is only offered when it is
/// close enough to be a plausible typo: at most a third of the name's length (so a one-letter
/// name only matches the same letter in the other case).
public enum Suggestions {
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        let allowed = name.count / 3
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            // A difference only in case counts as a near-perfect match.
            let distance = candidate.lowercased() == lowered ? 0 : editDistance(lowered, candidate.lowercased())
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The classic dynamic programme (Damerau's "optimal string alignment" variant), keeping only
    /// the two previous rows: row[j] is the distance between the first i letters of `a` and the
    /// first j of `b`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let source = Array(a), target = Array(b)
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }
        var beforePrevious = [Int](repeating: 0, count: target.count + 1)
        var previous = Array(0...target.count)
        for i in 1...source.count {
            var row = [i] + Array(repeating: 0, count: target.count)
            for j in 1...target.count {
                let substitution = previous[j - 1] + (source[i - 1] == target[j - 1] ? 0 : 1)
                row[j] = min(previous[j] + 1, row[j - 1] + 1, substitution)
                if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
                    row[j] = min(row[j], beforePrevious[j - 2] + 1)  // two neighbours swapped
                }
            }
            beforePrevious = previous
            previous = row
        }
        return previous[target.count]
    }
}
