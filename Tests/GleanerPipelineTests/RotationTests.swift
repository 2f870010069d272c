import Testing

@testable import GleanerPipeline

@Suite struct RotationTests {
    @Test func sizesAndPeriodsAreRead() {
        #expect(Rotation("64MB") == .size(64 << 20))
        #expect(Rotation("500kb") == .size(500 << 10))
        #expect(Rotation("4096") == .size(4096))
        #expect(Rotation("hourly") == .hourly)
        #expect(Rotation("Daily") == .daily)
        #expect(Rotation("weekly") == nil)
        #expect(Rotation("0MB") == nil)
    }

    @Test func aPeriodEndsAtTheUTCHourOrDay() {
        let justBeforeMidnight = 20_000 * 86_400 - 1
        #expect(Rotation.hourly.period(justBeforeMidnight) != Rotation.hourly.period(justBeforeMidnight + 1))
        #expect(Rotation.hourly.period(justBeforeMidnight - 1) == Rotation.hourly.period(justBeforeMidnight))
        #expect(Rotation.daily.period(justBeforeMidnight) != Rotation.daily.period(justBeforeMidnight + 1))
        #expect(Rotation.daily.period(justBeforeMidnight - 3_600) == Rotation.daily.period(justBeforeMidnight))
        #expect(Rotation.stamp(0) == "19700101T0000Z")
    }

    @Test func onlyASizeRotationIsEverFull() {
        #expect(Rotation.size(100).isFull(100))
        #expect(!Rotation.size(100).isFull(99))
        #expect(!Rotation.hourly.isFull(.max))
    }
}
