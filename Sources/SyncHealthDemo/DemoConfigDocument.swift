import SyncHealthConcurrency
import SyncHealthWire

/// Builds a company's sync configuration document: JSON, with settings that
/// differ between companies (accounts, tax rates, grouping, schedule).
enum DemoConfigDocument {
    static func make(company: DemoCompany, rng: inout SplitMix64, revision: Int) -> String {
        let zone = rng.pick(["Europe/London", "America/New_York", "Australia/Sydney", "Europe/Berlin", "America/Los_Angeles"])
        let grouping = rng.pick(["perOrder", "dailySummary"])
        let salesAccount = rng.pick(["200", "4000", "41000", "SALES-UK"])
        let feesAccount = rng.pick(["404", "6100", "fees-clearing"])
        let bankAccount = rng.pick(["090", "1200", "Bank - Stripe Clearing"])
        let tax = rng.pick(["OUTPUT2", "TAX001", "GST on Income", "NONE"])
        let status = revision == 1 ? "AUTHORISED" : rng.pick(["DRAFT", "AUTHORISED"])
        return """
        {
          "companyId": "\(company.companyId)",
          "product": "\(company.product == .commerce ? "commerce" : "expenses")",
          "source": "\(company.sourcePlatform)",
          "target": "\(company.targetPlatform)",
          "schedule": { "frequency": "\(grouping == "perOrder" ? "hourly" : "daily")", "startTime": "02:00", "timeZone": "\(zone)" },
          "grouping": "\(grouping)",
          "invoiceStatus": "\(status)",
          "accounts": { "sales": "\(salesAccount)", "fees": "\(feesAccount)", "bank": "\(bankAccount)" },
          "taxRates": { "standard": "\(tax)", "zero": "ZERORATED" },
          "revision": \(revision)
        }

        """
    }
}
