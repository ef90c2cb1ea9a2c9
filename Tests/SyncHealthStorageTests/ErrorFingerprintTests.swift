@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct ErrorFingerprintTests {
    /// Pairs of realistic platform messages with the same cause: only ids,
    /// numbers, amounts, dates, addresses or quoted values differ.
    static let sameCause: [(String, String)] = [
        ("Invoice INV-1042 total 31.20 does not match", "Invoice INV-77 total 8.00 does not match"),
        ("The TaxType code 'OUTPUT2' does not exist or cannot be used with this type of transaction",
         "The TaxType code 'INPUT' does not exist or cannot be used with this type of transaction"),
        ("Account code '200' is not a valid code for this document.",
         "Account code '4010' is not a valid code for this document."),
        ("Duplicate Document Number Error: DocNumber=1042 is assigned to TxnType=Invoice with TxnId=3812",
         "Duplicate Document Number Error: DocNumber=88 is assigned to TxnType=Invoice with TxnId=91"),
        ("Invalid entity reference key 12345 for subsidiary 2.", "Invalid entity reference key 998 for subsidiary 17."),
        ("Xero API rate limit exceeded, retry after 60 seconds", "Xero API rate limit exceeded, retry after 7 seconds"),
        ("Order #1042 has no line items", "Order #99817 has no line items"),
        ("Transaction date 2024-03-31 is before the lock date of 31 Mar 2024",
         "Transaction date 2023-12-01T09:15:00Z is before the lock date of 30 Nov 2023"),
        ("Currency EUR is not enabled for this organisation", "Currency USD is not enabled for this organisation"),
        ("Contact with email billing@acme.com already exists", "Contact with email ops@beta.co.uk already exists"),
        ("Request to https://api.xero.com/api.xro/2.0/Invoices timed out after 30000ms",
         "Request to https://api.xero.com/api.xro/2.0/CreditNotes?page=2 timed out after 45000ms"),
        ("Payment 3f2504e0-4f89-11d3-9a0c-0305e82c3301 could not be allocated to invoice INV-0012",
         "Payment 9B2C1D4E-0000-4000-8000-00000000ABCD could not be allocated to invoice SO-2024-001"),
        ("Amount $1,234.50 exceeds the remaining balance of $1,000.00",
         "Amount €8,00 exceeds the remaining balance of €0,50"),
        ("Products SKU-1, SKU-2, SKU-3 are not mapped to an account", "Products SKU-9 are not mapped to an account"),
        ("Tracking category \"Region\" option \"North\" is archived", "Tracking category “Dept” option “Sales” is archived"),
        ("Bill dated 31/01/2024 at 23:59:59 was rejected", "Bill dated 1/2/24 at 9:05 was rejected"),
        ("Discount of 12.5% on line 3 exceeds the allowed maximum", "Discount of 100% on line 11 exceeds the allowed maximum"),
        ("  Shopify   payout po_1NxYz2 not found\n", "Shopify payout po_88QwE not found"),
    ]

    /// Messages with different causes: no two may share a group.
    static let differentCauses: [String] = [
        "Invoice INV-1042 total 31.20 does not match",
        "Invoice INV-1042 is already paid and cannot be edited",
        "Account code '200' is not a valid code for this document.",
        "Account code '200' is archived",
        "Request failed with status code 401",
        "Request failed with status code 429",
        "QuickBooks Online error 6000: A business validation error has occurred",
        "QuickBooks Online error 6240: A business validation error has occurred",
        "Xero API rate limit exceeded, retry after 60 seconds",
        "The access token has expired",
        "Contact with email billing@acme.com already exists",
        "Contact with name 'Acme Ltd' already exists",
        "Organisation is not subscribed to the Payroll product",
        "Company has been disconnected from the accounting platform",
        "Currency EUR is not enabled for this organisation",
        "Tax rate is not enabled for this organisation",
        "HTTP 500 Internal Server Error",
        "HTTP 503 Service Unavailable",
        "Transaction date 2024-03-31 is before the lock date of 31 Mar 2024",
        "Transaction date 2024-03-31 is after the end of the financial year",
    ]

    @Test func sameCauseGroupsTogether() throws {
        for (first, second) in Self.sameCause {
            let a = try #require(ErrorFingerprint(message: first))
            let b = try #require(ErrorFingerprint(message: second))
            #expect(a == b, "\(a.text) != \(b.text)")
        }
    }

    @Test func differentCausesDoNot() throws {
        let fingerprints = try Self.differentCauses.map { try #require(ErrorFingerprint(message: $0)) }
        for (index, fingerprint) in fingerprints.enumerated() {
            for other in fingerprints[(index + 1)...] {
                #expect(fingerprint.groupId != other.groupId, "\(fingerprint.text) == \(other.text)")
            }
        }
        // The same-cause groups are distinct from one another too.
        let groups = try Self.sameCause.map { try #require(ErrorFingerprint(message: $0.0)).groupId }
        #expect(Set(groups).count == groups.count)
    }

    @Test func normalizedText() {
        let cases: [(String, String)] = [
            ("Invoice INV-1042 total 31.20 does not match", "Invoice <id> total <num> does not match"),
            ("Account code '200' doesn't exist", "Account code <q> doesn't exist"),
            ("Transaction date 2024-03-31 is before 31 Mar 2024", "Transaction date <date> is before <num> <month> <num>"),
            ("Request failed with status code 401", "Request failed with status code 401"),
            ("Error: 6000, DocNumber=1042", "Error: 6000, DocNumber=<num>"),
            ("Products SKU-1, SKU-2; SKU-3 unmapped", "Products <id> unmapped"),
            ("Email a.b@c.io at 12:30:05.123Z", "Email <email> at <time>"),
            ("Currency GBP: £31.20 (was -8,00)", "Currency <cur>: <num> (was <num>)"),
            ("See https://x.test/a?b=1&c=2.", "See <url>."),
            ("(https://x.test/a) failed", "(<url>) failed"),
            ("Payment 3f2504e0-4f89-11d3-9a0c-0305e82c3301 failed", "Payment <uuid> failed"),
            ("Unmatched \"quote and it's fine", "Unmatched \"quote and it's fine"),
        ]
        for (message, expected) in cases {
            #expect(ErrorFingerprint(message: message)?.text == expected, "\(message)")
        }
    }

    @Test func blankMessagesHaveNoGroup() {
        #expect(ErrorFingerprint(message: "") == nil)
        #expect(ErrorFingerprint(message: " \n\t ") == nil)
    }

    @Test func groupIdsAreShortStableAndChecked() throws {
        let fingerprint = try #require(ErrorFingerprint(message: "Invoice INV-1042 total 31.20 does not match"))
        #expect(fingerprint.groupId.count == 16)
        #expect(ErrorFingerprint.isGroupId(fingerprint.groupId))
        // Stored in databases and bookmarked by people: must never change.
        #expect(fingerprint.groupId == ErrorFingerprint.groupId(of: "Invoice <id> total <num> does not match"))
        #expect(fingerprint.groupId == Self.pinnedInvoiceGroupId)
        for bad in ["", "9F86D081884C7D65", "9f86d081884c7d6", "9f86d081884c7d65a", "9f86d081884c7d6g"] {
            #expect(!ErrorFingerprint.isGroupId(bad), "\(bad)")
        }
    }

    static let pinnedInvoiceGroupId = "faa69da64e087d37"

    @Test func longMessagesAreCutAndNormalizingAgainChangesNothing() throws {
        let long = String(repeating: "é word ", count: 500)
        let fingerprint = try #require(ErrorFingerprint(message: long))
        #expect(fingerprint.text.utf8.count <= ErrorFingerprint.maxBytes)
        for message in Self.sameCause.flatMap({ [$0.0, $0.1] }) + Self.differentCauses {
            let once = try #require(ErrorFingerprint(message: message))
            #expect(ErrorFingerprint(message: once.text) == once, "\(message)")
        }
    }
}
