import SyncHealthWire

/// The platforms, data types and messages the demo data is drawn from:
/// realistic in the spirit of the product's troubleshooting guide.
enum DemoCatalog {
    static let commerceSources = ["shopify", "woocommerce", "amazon-seller-central", "square", "stripe", "paypal", "bigcommerce"]
    static let expenseSources = ["pleo", "spendesk", "expensify", "brex"]
    static let targets = ["xero", "quickbooks-online", "netsuite", "sage-intacct", "freeagent", "dynamics-365-business-central"]

    static let commerceDataTypes = ["invoices", "creditNotes", "payments", "journalEntries", "bankTransfers"]
    static let expenseDataTypes = ["expenses", "reimbursableExpenses", "transfers", "bills"]

    static let companyWords = [
        "Acme Outdoor", "Blue Fern Coffee", "Copperleaf Home", "Driftwood Surf", "Evergreen Pet Supply",
        "Fable & Thread", "Granite Peak Gear", "Harbor Light Candles", "Indigo Loom", "Juniper Skincare",
        "Kestrel Bikes", "Lumen Lighting", "Maple & Oak Furniture", "Northwind Tea", "Olive Grove Pantry",
        "Pinecone Toys", "Quartz Jewelry", "Riverstone Ceramics", "Saltwater Apparel", "Tidewater Books",
        "Umber Leather", "Velvet Moth Vintage", "Wildflower Bakery", "Yarrow Apothecary", "Zephyr Kites",
        "Aurora Audio", "Bramble Garden", "Cobalt Cycling", "Dune Eyewear", "Ember Kitchenware",
        "Foxglove Florals", "Gull Island Outfitters", "Hearth Stoneware", "Ironbark Tools", "Jade Rabbit Tea",
        "Kelp & Co", "Lark Stationery", "Moss Beauty", "Nimbus Umbrellas", "Orchard Cider",
    ]

    /// Push errors a target platform answers with; `retryable` says whether
    /// pushing again can help without anyone changing anything.
    struct PushError {
        let template: String
        let retryable: Bool
    }

    static let pushErrors: [String: [PushError]] = [
        "xero": [
            PushError(template: "Account code '{account}' is not a valid code for this document.", retryable: false),
            PushError(template: "The TaxType code 'OUTPUT2' does not exist or cannot be used for this type of transaction.", retryable: false),
            PushError(template: "Invoice # {doc} must be unique.", retryable: false),
            PushError(template: "The document date cannot be before the end of year lock date ({date}).", retryable: false),
            PushError(template: "Xero API rate limit exceeded (60 calls per minute); try again later.", retryable: true),
        ],
        "quickbooks-online": [
            PushError(template: "Duplicate Document Number Error: You must specify a different number. This number has already been used. DocNumber={doc}", retryable: false),
            PushError(template: "Business Validation Error: Unable to create a transaction in a closed period.", retryable: false),
            PushError(template: "Object Not Found: Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.", retryable: false),
            PushError(template: "Stale Object Error: You and {user} were working on this at the same time.", retryable: true),
            PushError(template: "The QuickBooks Online service is temporarily unavailable (HTTP 503).", retryable: true),
        ],
        "netsuite": [
            PushError(template: "Invalid subsidiary reference key {number} for entity {entity}.", retryable: false),
            PushError(template: "You have entered an Invalid Field Value {number} for the following field: currency", retryable: false),
            PushError(template: "Only one request may be made against a session at a time (SSS_REQUEST_LIMIT_EXCEEDED).", retryable: true),
        ],
        "sage-intacct": [
            PushError(template: "BL01001973 Invalid GL account {account} in line 1.", retryable: false),
            PushError(template: "Could not create Invoice record! The period is closed for {date}.", retryable: false),
            PushError(template: "Sage Intacct gateway timeout while posting the transaction.", retryable: true),
        ],
        "freeagent": [
            PushError(template: "Contact {entity} could not be found.", retryable: false),
            PushError(template: "Dated on cannot be before the company's start date ({date}).", retryable: false),
            PushError(template: "FreeAgent API returned HTTP 429 Too Many Requests.", retryable: true),
        ],
        "dynamics-365-business-central": [
            PushError(template: "The field Customer No. of table Sales Header contains a value ({entity}) that cannot be found in the related table (Customer).", retryable: false),
            PushError(template: "Posting Date is not within your range of allowed posting dates.", retryable: false),
            PushError(template: "The request was throttled by Business Central (HTTP 429).", retryable: true),
        ],
    ]

    static let timeoutMessage = "The accounting platform did not answer within 30000 ms; the record may have been created."

    /// Sync-level messages for each failed status code.
    static let syncErrors: [SyncStatusCode: [String]] = [
        .configurationError: [
            "No bank account is mapped for payouts. Map one in the sync configuration and run the sync again.",
            "The sales tax rate 'GST 10%' in the configuration no longer exists in the accounting platform.",
            "No clearing account selected for fees. Update the sync configuration.",
        ],
        .companyDeleted: ["The company was deleted; syncs for it are no longer run."],
        .companyDeauthorized: ["The connection to the accounting platform was de-authorized by the customer. Ask them to reconnect."],
        .billingExpired: ["The accounting platform subscription has expired; the platform refuses new records until it is renewed."],
        .genericServerError: ["An unexpected error occurred while running the sync. It will be retried at the next scheduled run."],
        .duplicationProtection: ["This sync was stopped because a sync for the same date range was already running (duplication protection)."],
        .dataProcessingError: [
            "Order {doc} could not be mapped: line items total {amount} does not match the order total {amount2}.",
            "Payout {doc} references a currency (ZAR) that is not enabled in the accounting platform.",
        ],
    ]

    static let reconcileNote = "Please reconcile manually: updated order {doc} has no matching original order in the platform."
}
