import SyncHealthServer
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct AccessPolicyTests {
    let policy = AccessPolicy.standard

    @Test func everyKnownMethodHasItsOwnRule() {
        for method in MethodCatalog.known {
            #expect(policy.rules[method] != nil, "no rule for \(method)")
        }
    }

    @Test func everyRPCInProtoHasItsOwnRule() throws {
        let methods = try MethodCatalog.protoMethods()
        #expect(methods.count >= 14)
        for method in methods {
            #expect(policy.rules[method] != nil, "no rule for \(method) from proto/")
        }
    }

    @Test func everyRuleNamesARealMethod() throws {
        // Catches typos in the table: a misspelt rule would leave the real
        // method admin-only and the typo matching nothing.
        let real = Set(try MethodCatalog.protoMethods())
        for method in policy.rules.keys {
            #expect(real.contains(method), "rule for unknown method \(method)")
        }
    }

    @Test func unlistedMethodsAreAdminOnly() {
        #expect(policy.permission(for: "/synchealth.v1.Secret/Export") == .adminOnly)
        #expect(policy.permission(for: "") == .adminOnly)
        for role in Role.allCases {
            #expect(role.grants(.adminOnly) == (role == .admin))
            #expect(role.grants(.open))
        }
    }

    @Test(arguments: Role.allCases)
    func rolesGrantWhatTheIssueSays(role: Role) {
        for method in MethodCatalog.known {
            let granted = role.grants(policy.permission(for: method))
            #expect(granted == ExpectedAccess.allows(role, method), "\(role) on \(method)")
        }
    }

    @Test func healthIsTheOnlyOpenMethod() {
        #expect(policy.rules.filter { $0.value == .open }.map(\.key) == [Methods.Health.check.fullName])
    }
}
