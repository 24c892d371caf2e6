import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments

@Suite struct ProfileCatalogTests {
    @Test func shipsTheNationalAndHunanProfiles() throws {
        let catalog = try ProfileCatalog.builtin()
        let national = try catalog.profile(id: "mof-2020-project")
        #expect(national.categories.map(\.weight) == [50, 30, 10])
        #expect(national.execution.weight == 10)
        let hunan = try catalog.profile(id: "hunan-2023-agency")
        #expect(hunan.categories.map(\.name) == ["产出指标", "效益指标", "满意度指标", "成本指标"])
        #expect(hunan.categories.map(\.weight) == [40, 20, 10, 20])
    }

    @Test func aUserProfileIsDataAndReplacesNothingElse() throws {
        var catalog = try ProfileCatalog.builtin()
        var json = try JSONEncoder().encode(try catalog.profile(id: "mof-2020-project"))
        var object = try JSONSerialization.jsonObject(with: json) as! [String: Any]
        object["id"] = "sichuan-2024-project"
        object["version"] = "2024.1"
        json = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: ProfileError.self, "a copy still marked as the default is refused: one default a kind") {
            try catalog.add(ScoringProfile.decode(json, source: "sichuan.json"))
        }
        object["isDefault"] = nil
        json = try JSONSerialization.data(withJSONObject: object)
        try catalog.add(ScoringProfile.decode(json, source: "sichuan.json"))
        #expect(try catalog.profile(id: "sichuan-2024-project").version == "2024.1")
        #expect(catalog.profiles.count == 4)
    }

    @Test func refusesAProfileWhoseWeightsDoNotMakeOneHundred() throws {
        var profile = try ProfileCatalog.builtin().profile(id: "mof-2020-project")
        profile.id = "broken"
        profile.execution.weight = 20
        var catalog = ProfileCatalog(profiles: [])
        #expect(throws: ProfileError.self) { try catalog.add(profile) }
    }

    @Test func namesTheFieldOfABadProfileFile() {
        #expect {
            try ScoringProfile.decode(Data(#"{"id": "x"}"#.utf8), source: "bad.json")
        } throws: { error in
            "\(error)".contains("bad.json") && "\(error)".contains("version")
        }
    }

    @Test func unknownIdsListWhatExists() throws {
        let catalog = try ProfileCatalog.builtin()
        #expect { try catalog.profile(id: "nope") } throws: { "\($0)".contains("mof-2020-project") }
    }
}
