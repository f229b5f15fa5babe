/// Maps byte offsets in the text cmark parses (with placeholders) back to the decoded note.
///
/// The substituted text is a sequence of regions: copies of the note (1:1) and placeholders
/// (every offset inside maps to the start of what the placeholder replaced).
struct OffsetMap {
    private var substitutedStarts: [Int] = [0]
    private var originalStarts: [Int] = [0]
    private var isPlaceholder: [Bool] = [false]

    mutating func addRegion(substituted: Int, original: Int, placeholder: Bool) {
        if let last = substitutedStarts.last, last == substituted {
            originalStarts[originalStarts.count - 1] = original
            isPlaceholder[isPlaceholder.count - 1] = placeholder
            return
        }
        substitutedStarts.append(substituted)
        originalStarts.append(original)
        isPlaceholder.append(placeholder)
    }

    func originalOffset(ofSubstituted s: Int) -> Int {
        var lo = 0, hi = substitutedStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if substitutedStarts[mid] <= s { lo = mid } else { hi = mid - 1 }
        }
        return isPlaceholder[lo] ? originalStarts[lo] : originalStarts[lo] + (s - substitutedStarts[lo])
    }
}
