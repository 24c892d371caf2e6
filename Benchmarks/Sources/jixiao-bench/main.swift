import JixiaoCore
while let line = readLine() {
    let text = line.replacingOccurrences(of: "\\n", with: "\n")
    print(ValueReader.read(text).summary)
}
