import SyncHealthConcurrency
import SyncHealthWire

/// Builds the demo data set: a few dozen companies on several commerce,
/// expense and accounting platforms, syncing over the last `days` days across
/// every status code, with push items of every data type, realistic platform
/// errors and the "Please reconcile manually" note. Deterministic from
/// `seed` and `now`.
public enum DemoDataGenerator {
    static let dayMs: Int64 = 86_400_000

    /// Generates the data set.
    /// - Parameters:
    ///   - seed: fixes every random choice.
    ///   - now: the present, in ms since the epoch; syncs fall in the `days` before it.
    ///   - companies: how many companies.
    ///   - days: how far back the history goes.
    public static func generate(seed: UInt64, now: Int64, companies: Int = 36, days: Int = 90) -> DemoDataSet {
        var rng = SplitMix64(seed: seed)
        let plans = makePlans(companies: companies, days: days, rng: &rng)
        let today = now - now % dayMs
        let firstDay = today - Int64(days) * dayMs
        var operations: [DemoOperation] = []
        for (index, plan) in plans.enumerated() {
            var builder = DemoSyncBuilder(plan: plan, rng: SplitMix64(seed: rng.next()))
            for day in 0...days {
                if case .deleted(let fromDay) = plan.incident(on: day), day > fromDay { break }
                let dayStart = firstDay + Int64(day) * dayMs
                let interval = dayMs / Int64(plan.syncsPerDay)
                for slot in 0..<plan.syncsPerDay {
                    let scheduled = dayStart + Int64(slot) * interval + 2 * 3_600_000
                    guard scheduled < now - 600_000 else { continue }
                    operations += builder.sync(day: day, startedAt: scheduled, dataFrom: scheduled - interval, now: now)
                }
            }
            operations += builder.inProgressTail(now: now, companyIndex: index)
        }
        return DemoDataSet(companies: plans.map(\.company), operations: operations)
    }

    /// The companies `generate` would make for the same seed, without
    /// generating their syncs: they come first from the seed's sequence.
    public static func companies(seed: UInt64, companies: Int = 36, days: Int = 90) -> [DemoCompany] {
        var rng = SplitMix64(seed: seed)
        return makePlans(companies: companies, days: days, rng: &rng).map(\.company)
    }

    private static func makePlans(companies: Int, days: Int, rng: inout SplitMix64) -> [DemoCompanyPlan] {
        (0..<companies).map { DemoCompanyPlan.make(index: $0, days: days, rng: &rng) }
    }
}
