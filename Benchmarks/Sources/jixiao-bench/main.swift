import Foundation
import JixiaoCore
import JixiaoDocuments
var evaluation = try SelfEvaluationImporter.load(URL(fileURLWithPath: CommandLine.arguments[1]))[0]
evaluation.source = nil
for c in evaluation.indicators.categories.indices {
    for g in evaluation.indicators.categories[c].groups.indices {
        for i in evaluation.indicators.categories[c].groups[g].indicators.indices {
            evaluation.indicators.categories[c].groups[g].indicators[i].source = nil
        }
    }
}
for i in evaluation.budget.breakdown.indices { evaluation.budget.breakdown[i].source = nil }
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
print(String(decoding: try encoder.encode(evaluation), as: UTF8.self))
