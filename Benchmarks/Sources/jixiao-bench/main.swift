import Foundation
import JixiaoCore
import JixiaoDocuments

/// `jixiao-bench score [--projects N] [--indicators K] [--json]`: generates a province-sized synthetic set,
/// then reads every indicator value and scores every project, on all cores; prints times, throughput and peak memory.
/// With `--json`, the set is first written to a JSON file and the timed part decodes it from disk too.
struct Options {
    var projects = 100_000
    var indicators = 12
    var viaJSON = false

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--projects": projects = iterator.next().flatMap(Int.init) ?? projects
            case "--indicators": indicators = iterator.next().flatMap(Int.init) ?? indicators
            case "--json": viaJSON = true
            default: break
            }
        }
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "check" {
    var files = 1_000
    var seeds = URL(fileURLWithPath: "../shared/seeds")
    var iterator = arguments.dropFirst().makeIterator()
    while let argument = iterator.next() {
        if argument == "--files", let value = iterator.next().flatMap(Int.init) { files = value }
        if argument == "--seeds", let value = iterator.next() { seeds = URL(fileURLWithPath: value) }
    }
    try AuditBenchmark.run(files: files, seeds: seeds)
    exit(0)
}
if arguments.first == "report" {
    var reports = 10_000
    var data = URL(fileURLWithPath: "docs/examples/seed000-project.json")
    var xlsx = false
    var iterator = arguments.dropFirst().makeIterator()
    while let argument = iterator.next() {
        if argument == "--reports", let value = iterator.next().flatMap(Int.init) { reports = value }
        if argument == "--data", let value = iterator.next() { data = URL(fileURLWithPath: value) }
        if argument == "--xlsx" { xlsx = true }
    }
    try ReportBenchmark.run(reports: reports, data: data, xlsx: xlsx)
    exit(0)
}
if arguments.first == "disclosure" {
    var count = 1_000
    var data = URL(fileURLWithPath: "docs/examples/seed003-final-accounts.json")
    var iterator = arguments.dropFirst().makeIterator()
    while let argument = iterator.next() {
        if argument == "--count", let value = iterator.next().flatMap(Int.init) { count = value }
        if argument == "--data", let value = iterator.next() { data = URL(fileURLWithPath: value) }
    }
    try DisclosureBenchmark.run(count: count, data: data)
    exit(0)
}
if arguments.first == "monitor-province" {
    var projects = 1_000
    var out = URL(fileURLWithPath: "monitor-province.json")
    var iterator = arguments.dropFirst().makeIterator()
    while let argument = iterator.next() {
        if argument == "--projects", let value = iterator.next().flatMap(Int.init) { projects = value }
        if argument == "--out", let value = iterator.next() { out = URL(fileURLWithPath: value) }
    }
    try MonitoringProvince.write(projects: projects, to: out)
    exit(0)
}
if arguments.first == "web-seed" {
    var database = ""
    var agencies = 1_000
    var projects = 10
    var iterator = arguments.dropFirst().makeIterator()
    while let argument = iterator.next() {
        if argument == "--database", let value = iterator.next() { database = value }
        if argument == "--agencies", let value = iterator.next().flatMap(Int.init) { agencies = value }
        if argument == "--projects", let value = iterator.next().flatMap(Int.init) { projects = value }
    }
    guard !database.isEmpty else {
        print("usage: jixiao-bench web-seed --database FILE.sqlite|postgres://… [--agencies N] [--projects N]")
        exit(2)
    }
    try await WebSeed.run(database: database, agencies: agencies, projectsPerAgency: projects)
    exit(0)
}
guard arguments.first == "score" else {
    print("usage: jixiao-bench score [--projects N] [--indicators K] [--json] | check [--files N] [--seeds DIR] | report [--reports N] [--data FILE] [--xlsx] | disclosure [--count N] [--data FILE] | web-seed --database LOCATION [--agencies N] [--projects N]")
    exit(2)
}
let options = Options(Array(arguments.dropFirst()))
let profile = try ProfileCatalog.builtin().profile(id: "mof-2020-project")
let scorer = Scorer(profile: profile)

var evaluations: [SelfEvaluation] = []
let generation = Measure.seconds {
    evaluations = SyntheticProvince(projects: options.projects, indicatorsPerProject: options.indicators, seed: 2023).generate()
}
print("generated \(options.projects) projects × \(options.indicators) indicators in \(Measure.fixed(generation)) s")

var jsonFile: URL?
if options.viaJSON {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-bench-\(getpid()).json")
    try JSONEncoder().encode(evaluations).write(to: url)
    let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    print("wrote \(url.lastPathComponent): \(size >> 20) MiB")
    jsonFile = url
    evaluations = []
}

let workers = ProcessInfo.processInfo.activeProcessorCount
var totals = [ExactDecimal](repeating: 0, count: options.projects)
let elapsed = try Measure.seconds {
    if let jsonFile {
        evaluations = try SelfEvaluationImporter.load(jsonFile)
    }
    let chunk = (evaluations.count + workers - 1) / workers
    totals.withUnsafeMutableBufferPointer { output in
        let output = UncheckedSendable(output)
        evaluations.withUnsafeBufferPointer { input in
            let input = UncheckedSendable(input)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let range = (worker * chunk)..<min((worker + 1) * chunk, input.value.count)
                for index in range { output.value[index] = scorer.score(input.value[index]).total }
            }
        }
    }
}
if let jsonFile { try? FileManager.default.removeItem(at: jsonFile) }
let rows = options.projects * (options.indicators + 1)
let mean = totals.reduce(0, +).divided(by: ExactDecimal(max(totals.count, 1))) ?? 0
print("\(options.viaJSON ? "decoded JSON, read" : "read") and scored \(options.projects) projects (\(rows) rows) in \(Measure.fixed(elapsed)) s on \(workers) cores")
print("throughput: \(Measure.fixed(Double(options.projects) / elapsed, 0)) projects/s, \(Measure.fixed(Double(rows * 2 - options.projects) / elapsed, 0)) values read/s")
print("mean recomputed total: \(mean.fixed(2))")
print("peak resident memory: \(Measure.fixed(Measure.peakMiB(), 0)) MiB")

/// Lets worker threads share buffers whose index ranges do not overlap.
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
