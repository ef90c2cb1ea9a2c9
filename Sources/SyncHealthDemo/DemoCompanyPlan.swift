import SyncHealthConcurrency
import SyncHealthWire

/// What happens to one demo company over the period: its platforms, how often
/// it syncs, its configurations and the incidents that make syncs fail.
struct DemoCompanyPlan {
    enum Incident {
        /// Syncs in these days fail with this code (no items pushed).
        case outage(days: Range<Int>, code: SyncStatusCode)
        /// The company is gone from this day on.
        case deleted(fromDay: Int)
    }

    var company: DemoCompany
    var syncsPerDay: Int
    var configs: [(fromDay: Int, document: String, version: String)]
    var incidents: [Incident]
    /// Probability that a pushed item fails on a normal day.
    var itemFailureRate: Double

    /// The incident in force on `day`, if any.
    func incident(on day: Int) -> Incident? {
        for incident in incidents {
            switch incident {
            case let .outage(days, _) where days.contains(day): return incident
            case let .deleted(fromDay) where day >= fromDay: return incident
            default: continue
            }
        }
        return nil
    }

    /// The configuration in force on `day`.
    func config(on day: Int) -> (document: String, version: String) {
        var current = configs[0]
        for config in configs where config.fromDay <= day { current = config }
        return (current.document, current.version)
    }

    /// The day `percent`% of the way through a period of `days` days.
    static func day(percent: Int, of days: Int) -> Int {
        days * percent / 100
    }

    static func make(index: Int, days: Int, rng: inout SplitMix64) -> DemoCompanyPlan {
        let product: Product = rng.chance(0.7) ? .commerce : .expenses
        let source = product == .commerce ? rng.pick(DemoCatalog.commerceSources) : rng.pick(DemoCatalog.expenseSources)
        let company = DemoCompany(
            companyId: rng.uuid(),
            name: DemoCatalog.companyWords[index % DemoCatalog.companyWords.count],
            product: product,
            sourcePlatform: source,
            targetPlatform: rng.pick(DemoCatalog.targets)
        )
        var incidents: [Incident] = []
        // A few companies each get one incident of a different kind.
        switch index % 9 {
        case 1:
            let start = day(percent: rng.int(in: 10...65), of: days)
            incidents.append(.outage(days: start..<(start + rng.int(in: 2...6)), code: .companyDeauthorized))
        case 2:
            let start = day(percent: 45, of: days)
            incidents.append(.outage(days: start..<(start + 7), code: .billingExpired))
        case 4: incidents.append(.deleted(fromDay: day(percent: rng.int(in: 78...94), of: days)))
        case 5:
            let start = day(percent: rng.int(in: 20...75), of: days)
            incidents.append(.outage(days: start..<(start + 3), code: .configurationError))
        case 7:
            let start = day(percent: 33, of: days)
            incidents.append(.outage(days: start..<(start + 2), code: .companyDeleted))
        default: break
        }
        let base = DemoConfigDocument.make(company: company, rng: &rng, revision: 1)
        var configs = [(fromDay: 0, document: base, version: "v1")]
        if rng.chance(0.4) {
            let changed = DemoConfigDocument.make(company: company, rng: &rng, revision: 2)
            configs.append((fromDay: day(percent: rng.int(in: 25...90), of: days), document: changed, version: "v2"))
        }
        return DemoCompanyPlan(
            company: company,
            syncsPerDay: rng.chance(0.25) ? 4 : 1,
            configs: configs,
            incidents: incidents,
            itemFailureRate: rng.pick([0.0, 0.002, 0.005, 0.01, 0.03])
        )
    }
}
