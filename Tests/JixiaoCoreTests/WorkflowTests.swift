import Testing
import JixiaoCore

/// Every role against every action in every state, against the rules written out by hand.
@Suite struct WorkflowTests {
    static let unit = "株洲市芦淞区应急管理局"
    static let actors: [Role: Actor] = [
        .unitFiller: Actor(role: .unitFiller, agency: unit),
        .unitLead: Actor(role: .unitLead, agency: unit),
        .reviewer: Actor(role: .reviewer, reviews: [unit]),
        .bureauAdmin: Actor(role: .bureauAdmin),
    ]
    static let actions: [(String, WorkflowAction)] = [
        ("edit", .edit), ("submit", .submit), ("return", .return(comment: "请补充偏差原因")), ("approve", .approve), ("publish", .publish),
    ]

    /// (role, action, state) → resulting state; anything not listed is refused.
    static let allowed: [String: WorkflowState] = [
        "unitFiller edit draft": .draft, "unitFiller edit returned": .returned,
        "unitLead edit draft": .draft, "unitLead edit returned": .returned,
        "unitLead submit draft": .submitted, "unitLead submit returned": .submitted,
        "reviewer return submitted": .returned, "reviewer return approved": .returned,
        "reviewer approve submitted": .approved, "reviewer publish approved": .published,
        "bureauAdmin edit draft": .draft, "bureauAdmin edit returned": .returned,
        "bureauAdmin return submitted": .returned, "bureauAdmin return approved": .returned,
        "bureauAdmin approve submitted": .approved, "bureauAdmin publish approved": .published,
    ]

    @Test func theMatrixOfRolesActionsAndStates() {
        for role in Role.allCases {
            for (name, action) in Self.actions {
                for state in WorkflowState.allCases {
                    let key = "\(role.rawValue) \(name) \(state.rawValue)"
                    let result = try? Workflow.apply(action, by: Self.actors[role]!, agency: Self.unit, in: state)
                    #expect(result == Self.allowed[key], "\(key)")
                }
            }
        }
    }

    @Test func anotherUnitsEvaluationIsNotFound() {
        let other = Actor(role: .unitLead, agency: "别的单位")
        let stranger = Actor(role: .reviewer, reviews: ["别的单位"])
        for actor in [other, stranger] {
            #expect { try Workflow.apply(.edit, by: actor, agency: Self.unit, in: .draft) } throws: { error in
                (error as? WorkflowError)?.notFound == true
            }
        }
    }

    @Test func returningNeedsAComment() {
        #expect { try Workflow.apply(.return(comment: "  "), by: Self.actors[.reviewer]!, agency: Self.unit, in: .submitted) } throws: {
            "\($0)".contains("退回意见")
        }
    }

    @Test func publishedIsReadOnlyForEveryone() {
        for role in Role.allCases {
            #expect(throws: WorkflowError.self) { try Workflow.apply(.edit, by: Self.actors[role]!, agency: Self.unit, in: .published) }
        }
    }
}
