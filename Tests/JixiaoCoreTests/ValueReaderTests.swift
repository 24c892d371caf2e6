import Foundation
import Testing
import JixiaoCore

/// The reader's finer points: labels, comparators, full-width forms, lists, and where it must refuse.
@Suite struct ValueReaderTests {
    @Test func keepsTheWordsAroundAFigureAsItsLabel() {
        #expect(ValueReader.read("已支付180万元") == .quantity(Quantity(number: 180, unit: "万元", label: "已支付")))
        #expect(ValueReader.read("系统建设1项") == .quantity(Quantity(number: 1, unit: "项", label: "系统建设")))
    }

    @Test func readsComparatorsBeforeAndAfterTheFigure() {
        #expect(ValueReader.read("不少于4次") == .quantity(Quantity(comparator: .atLeast, number: 4, unit: "次")))
        #expect(ValueReader.read("不超过5万元") == .quantity(Quantity(comparator: .atMost, number: 5, unit: "万元")))
        #expect(ValueReader.read("3%以下") == .quantity(Quantity(comparator: .atMost, number: 3, unit: "%")))
        #expect(ValueReader.read("<=10天") == .quantity(Quantity(comparator: .atMost, number: 10, unit: "天")))
        #expect(ValueReader.read("＞3年") == .quantity(Quantity(comparator: .greaterThan, number: 3, unit: "年")))
    }

    @Test func foldsFullWidthDigitsAndSymbols() {
        #expect(ValueReader.read("≧９５％") == .quantity(Quantity(comparator: .atLeast, number: 95, unit: "%")))
        #expect(ValueReader.read("１,０００人") == .quantity(Quantity(number: 1000, unit: "人")))
    }

    @Test func tellsNumberedItemsFromDecimals() {
        #expect(ValueReader.read("1.5万元") == .quantity(Quantity(number: ExactDecimal("1.5")!, unit: "万元")))
        #expect(ValueReader.read("（1）是；（2）否") == .list([.achievement(.achieved, word: "是"), .achievement(.notAchieved, word: "否")]))
        #expect(ValueReader.read("①完成②基本完成") == .list([.achievement(.achieved, word: "完成"), .achievement(.partial, word: "基本完成")]))
    }

    @Test func refusesWhatItCannotReadWithoutGuessing() {
        for text in ["1.203.06万元", "1.4次；2.1次", "约145万元", "90%-95%", "5～10次", "不少于5次以下", "3至5人", "100人左右"] {
            guard case .unreadable(let reason) = ValueReader.read(text) else {
                Issue.record("“\(text)” should be unreadable, got \(ValueReader.read(text))")
                continue
            }
            #expect(!reason.isEmpty)
        }
    }

    @Test func readsTimeFrames() {
        #expect(ValueReader.read("2023年12月底前") == .period(Period(year: 2023, qualifier: "12月底前")))
        #expect(ValueReader.read("2023年度") == .period(Period(year: 2023, qualifier: "度")))
    }

    @Test func ignoresYearsAndDatesInsideAClause() {
        #expect(ValueReader.read("2023年开展培训不少于4次") == .quantity(Quantity(comparator: .atLeast, number: 4, unit: "次", label: "2023年开展培训")))
    }

    @Test func readsEmptyAndNotApplicable() {
        #expect(ValueReader.read("") == .empty)
        #expect(ValueReader.read("  \n ") == .empty)
        for mark in ["/", "／", "——", "无"] { #expect(ValueReader.read(mark) == .notApplicable) }
    }

    @Test func convertsMoneyUnits() {
        #expect(Quantity(number: 409094, unit: "元").money == Money(fen: 40_909_400))
        #expect(Quantity(number: ExactDecimal("40.91")!, unit: "万元").money == Money(fen: 40_910_000))
        #expect(Quantity(number: 90, unit: "%").money == nil)
    }
}
