import SignetHTTP
import Testing

struct UTCTimeTests {
    @Test func formatsKnownInstants() {
        #expect(UTCTime.amzDateTime(1_369_353_600) == "20130524T000000Z")
        #expect(UTCTime.amzDateTime(1_440_938_160) == "20150830T123600Z")
        #expect(UTCTime.httpDate(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(UTCTime.iso8601(Int64(951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(UTCTime.iso8601(Int64(-1)) == "1969-12-31T23:59:59Z")
    }

    @Test func parsesAllHTTPDateForms() {
        #expect(UTCTime.parseHTTPDate("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(UTCTime.parseHTTPDate("Sunday, 06-Nov-94 08:49:37 GMT") == 784_111_777)
        #expect(UTCTime.parseHTTPDate("Sun Nov  6 08:49:37 1994") == 784_111_777)
        #expect(UTCTime.parseHTTPDate("Sun, 06 Nov 1994 25:49:37 GMT") == nil)
        #expect(UTCTime.parseHTTPDate("yesterday") == nil)
    }

    @Test func parsesISOAndAmz() {
        #expect(UTCTime.parseISO8601("2026-11-24T10:00:03Z") == 1_795_514_403)
        #expect(UTCTime.parseISO8601("2026-11-24T11:00:03.5+01:00") == 1_795_514_403.5)
        #expect(UTCTime.parseISO8601("2026-11-24 10:00") == nil)
        #expect(UTCTime.parseAmzDateTime("20130524T000000Z") == 1_369_353_600)
        #expect(UTCTime.parseAmzDateTime("2013-05-24T00:00:00Z") == nil)
    }

    @Test func roundTripsManyDays() {
        var t: Int64 = -86400 * 800
        while t < 86400 * 40000 {
            #expect(UTCTime.parseAmzDateTime(UTCTime.amzDateTime(t)) == t)
            t += 86400 * 37 + 3671
        }
    }

    @Test func durations() throws {
        #expect(try ValidityDuration.parse("900") == 900)
        #expect(try ValidityDuration.parse("15m") == 900)
        #expect(try ValidityDuration.parse("2h") == 7200)
        #expect(try ValidityDuration.parse("7d") == 604_800)
        #expect(try ValidityDuration.parse("50y") == 50 * 365 * 86400)
        #expect(throws: SignetError.self) { try ValidityDuration.parse("15q") }
        #expect(throws: SignetError.self) { try ValidityDuration.parse("-5m") }
        #expect(throws: SignetError.self) { try ValidityDuration.parse("") }
    }
}
