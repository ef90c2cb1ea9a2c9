import SyncHealthClient
import SyncHealthServer
import SyncHealthStorage
import SyncHealthSQLite
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Issue 5 section 3: a customer sees its own history in client-friendly
/// words and nothing internal, nothing of another company, whatever it sends.
@Suite(.offThePool) struct CustomerHistoryTests {
    static let internalError = "Invoice INV-1042: Xero API 401 token expired for tenant 7c1e (internal ref 9f2)"
    static let internalNote = "Operator note: reconcile manually, account 200 misconfigured"
    static let configText = #"{"accounts":{"sales":"200"},"secret_mapping":"SM-42"}"#

    /// Two companies plus a look-alike of the customer's company id, each
    /// with syncs of every category, internal error text, notes and config.
    static func seed(_ store: SQLiteSyncStore) throws -> [String: Set<String>] {
        var byCompany: [String: Set<String>] = [:]
        let companies = [TestTokens.customerCompany, TestTokens.otherCompany, "company-10", "COMPANY-1"]
        let codes: [SyncStatusCode] = [.inProgress, .successDataPushed, .successNoDataPushed, .configurationError, .dataPushError, .genericServerError]
        for (companyIndex, company) in companies.enumerated() {
            for (index, code) in codes.enumerated() {
                let id = "sync-\(companyIndex)-\(index)"
                var sync = Fixtures.sync(id, company: company, code: code, minutes: Int64(index * 10 + companyIndex))
                sync.errorMessages = code.category == .failed ? [internalError] : []
                sync.notes = [internalNote]
                _ = try store.recordSync(RecordSyncRequest(sync: sync, config: Fixtures.config(configText)), now: Fixtures.baseTime + 3_600_000)
                byCompany[company, default: []].insert(id)
            }
        }
        return byCompany
    }

    @Test func customerSeesItsOwnSyncsAndNothingInternal() async throws {
        let live = try LiveAuth()
        defer { live.stop() }
        let expected = try Self.seed(live.service.store)
        let customer = try live.service.client(token: TestTokens.token(for: .customer))
        defer { customer.close() }

        var request = ListCompanySyncsRequest(companyId: TestTokens.customerCompany, pageSize: 2)
        var seen: [CompanySync] = []
        repeat {
            let page = try await customer.listCompanySyncs(request)
            seen += page.syncs
            request.pageToken = page.nextPageToken
        } while !request.pageToken.isEmpty && seen.count < 100
        #expect(Set(seen.map(\.syncId)) == expected[TestTokens.customerCompany])
        #expect(seen.count == expected[TestTokens.customerCompany]?.count)

        for sync in seen {
            // Status in client-friendly words, never the stored error text.
            #expect(sync.statusDescription == sync.statusCode.clientDescription)
            #expect(sync.category == sync.statusCode.category)
            for text in Self.strings(of: sync) {
                #expect(!text.contains("INV-1042") && !text.contains("Xero API") && !text.contains("internal ref"))
                #expect(!text.contains("Operator note") && !text.contains("SM-42") && !text.contains("accounts"))
            }
            #expect(sync.dataFromMs > 0 && sync.dataToMs > sync.dataFromMs && sync.startedAtMs > 0)
        }
    }

    @Test func companySyncCarriesOnlyCustomerFacingFields() {
        // If someone adds a field to CompanySync, this makes them look at
        // whether a customer may see it.
        let fields = Mirror(reflecting: CompanySync()).children.compactMap(\.label)
        #expect(fields == [
            "syncId", "product", "startedAtMs", "finishedAtMs", "dataFromMs", "dataToMs",
            "category", "statusCode", "statusDescription",
        ])
    }

    @Test func customerCannotReachAnotherCompanyWhateverItSends() async throws {
        let live = try LiveAuth()
        defer { live.stop() }
        _ = try Self.seed(live.service.store)
        let method = Methods.SyncHistory.listCompanySyncs.fullName
        let others = [
            // (No "company-1\0": protobuf-c strings end at NUL, so that is
            // "company-1" on the wire for the authorizer and the store alike.)
            TestTokens.otherCompany, "", "company-10", "COMPANY-1", "company-1 ", " company-1",
            "company-%", "company-_", "%", "*", "company-1' OR '1'='1", "company-1\"; --",
        ]
        for company in others {
            for (from, to) in [(Int64(0), Int64(0)), (Fixtures.baseTime - 86_400_000, Fixtures.baseTime + 86_400_000)] {
                let request = ListCompanySyncsRequest(companyId: company, startedFromMs: from, startedToMs: to, pageSize: 500)
                let (code, _) = await live.call(method, as: .customer, request: request.serializedBytes())
                #expect(code == .permissionDenied, "\(company)")
            }
        }
        // And every internal method, whatever it asks for.
        let internalCalls: [(String, [UInt8])] = [
            (Methods.SyncHistory.listSyncs.fullName, ListSyncsRequest(companyId: TestTokens.customerCompany).serializedBytes()),
            (Methods.SyncHistory.getSync.fullName, GetSyncRequest(syncId: "sync-0-0").serializedBytes()),
            (Methods.SyncHistory.getSyncConfig.fullName, GetSyncConfigRequest(syncId: "sync-0-0").serializedBytes()),
            (Methods.SyncHistory.listPushItems.fullName, ListPushItemsRequest(syncId: "sync-0-0").serializedBytes()),
            (Methods.SyncHistory.getDashboard.fullName, GetDashboardRequest(companyId: TestTokens.customerCompany).serializedBytes()),
        ]
        for (method, request) in internalCalls {
            #expect(await live.call(method, as: .customer, request: request).code == .permissionDenied, "\(method)")
        }
    }

    @Test func pageTokensDoNotCrossCompanies() async throws {
        let live = try LiveAuth()
        defer { live.stop() }
        _ = try Self.seed(live.service.store)
        let viewer = try live.service.client(token: TestTokens.token(for: .viewer))
        let customer = try live.service.client(token: TestTokens.token(for: .customer))
        defer { viewer.close(); customer.close() }

        // A page token of the other company's listing, replayed with the
        // customer's own company id: refused, not a page of the other company.
        let otherPage = try await viewer.listCompanySyncs(ListCompanySyncsRequest(companyId: TestTokens.otherCompany, pageSize: 1))
        #expect(!otherPage.nextPageToken.isEmpty)
        let replay = ListCompanySyncsRequest(companyId: TestTokens.customerCompany, pageSize: 1, pageToken: otherPage.nextPageToken)
        await #expect(throws: RPCError.self) { _ = try await customer.listCompanySyncs(replay) }
        let (code, _) = await live.call(Methods.SyncHistory.listCompanySyncs.fullName, as: .customer, request: replay.serializedBytes())
        #expect(code == .invalidArgument)

        // The customer's own token with the other company's id: refused.
        let ownPage = try await customer.listCompanySyncs(ListCompanySyncsRequest(companyId: TestTokens.customerCompany, pageSize: 1))
        let swapped = ListCompanySyncsRequest(companyId: TestTokens.otherCompany, pageSize: 1, pageToken: ownPage.nextPageToken)
        #expect(await live.call(Methods.SyncHistory.listCompanySyncs.fullName, as: .customer, request: swapped.serializedBytes()).code == .permissionDenied)
    }

    @Test func staffSeeAnyCompany() async throws {
        let live = try LiveAuth()
        defer { live.stop() }
        let expected = try Self.seed(live.service.store)
        for role in [Role.viewer, .operator, .admin] {
            let client = try live.service.client(token: TestTokens.token(for: role))
            defer { client.close() }
            let page = try await client.listCompanySyncs(ListCompanySyncsRequest(companyId: TestTokens.otherCompany, pageSize: 500))
            #expect(Set(page.syncs.map(\.syncId)) == expected[TestTokens.otherCompany], "\(role)")
        }
    }

    /// Every string a CompanySync carries.
    static func strings(of sync: CompanySync) -> [String] {
        Mirror(reflecting: sync).children.compactMap { $0.value as? String }
    }
}
