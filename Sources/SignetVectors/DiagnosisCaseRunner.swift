import SignetDiagnosis
import SignetHTTP

/// Runs `signet-diagnosis/1` cases: diagnoses the exchange and checks that every id in
/// `expect.findings` is among the findings and no id in `expect.absent` is.
enum DiagnosisCaseRunner {
    static func run(_ c: JSONField, file: String) throws -> VectorResult {
        let id = try c.required("id").string()
        var exchange = Exchange(label: id)
        if let r = c.optional("request") {
            let req = try VectorRunner.request(r)
            exchange.request = ExchangeRequest(method: req.method, url: req.url, headers: req.headers, body: req.body)
        }
        if let r = c.optional("response") {
            let headers = try VectorRunner.headers(in: r)
            var body: [UInt8] = []
            if let text = r.optional("body") { body = Array(try text.string().utf8) }
            exchange.response = ExchangeResponse(
                status: try r.optional("status").map { Int(try $0.int()) }, headers: headers, body: body)
        }
        var context = DiagnosisContext()
        if let ctx = c.optional("context") {
            if let t = ctx.optional("localTime") {
                let text = try t.string()
                guard let v = UTCTime.parseAny(text) else { throw t.fail("is not a time (RFC 3339)") }
                context.localTime = v
            }
            if let cr = ctx.optional("credentials") {
                do {
                    context.credentials = try AccessKeyPair(
                        id: try cr.required("id").string(), secret: try cr.required("secret").string(),
                        token: try cr.optional("token")?.string())
                } catch let e as SignetError {
                    throw cr.fail("\(e)")
                }
            }
            if let n = ctx.optional("now") { context.now = Double(try n.int()) }
        }
        let expect = try c.required("expect")
        let want = try expect.optional("findings")?.strings() ?? []
        let absent = try expect.optional("absent")?.strings() ?? []
        let diagnosis = Diagnoser.diagnose(exchange, context: context)
        let got = diagnosis.ids
        var stages: [String] = []
        for w in want {
            stages.append("finding \(w)")
            guard got.contains(w) else {
                return .fail(
                    file, id, stage: "findings", expected: "\(w) among the findings",
                    actual: got.isEmpty ? "(no findings)" : got.joined(separator: ", "))
            }
        }
        for a in absent {
            stages.append("absent \(a)")
            if got.contains(a) {
                return .fail(file, id, stage: "absent", expected: "no \(a)", actual: got.joined(separator: ", "))
            }
        }
        if let p = expect.optional("partial") {
            let wantPartial = try p.bool()
            stages.append("partial")
            if wantPartial != diagnosis.partial {
                return .fail(file, id, stage: "partial", expected: "\(wantPartial)", actual: "\(diagnosis.partial)")
            }
        }
        return .pass(file, id, stages: stages)
    }
}
