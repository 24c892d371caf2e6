/// Binary search over an array ordered so that the elements satisfying a test come last.
extension Array {
    /// The first index whose element satisfies `belongs`, for an array where those elements come last.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
