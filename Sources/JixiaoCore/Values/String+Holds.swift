extension String {
    /// Whether `part` occurs in this text, compared byte by byte in UTF-8: no locale and no allocation,
    /// unlike Foundation's `contains`, which is far slower on the scoring path.
    func holds(_ part: String) -> Bool {
        var text = self
        var needle = part
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard pattern.count <= haystack.count else { return false }
                if pattern.isEmpty { return true }
                for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
                    var offset = 1
                    while offset < pattern.count && haystack[start + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                return false
            }
        }
    }
}
