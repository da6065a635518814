import Testing

@testable import OrdersService

/// A confirmed order's money splits into the merchant's share, the platform's and the customer's
/// difference, always adding up to the order's amount.
struct TrainSettlementTermsTests {
    @Test func thePartsAddUpToTheOrder() {
        for (amount, price, rate) in [(10_000, 9_550, 500), (10_000, 10_000, 0), (1, 1, 10_000), (8_050, 7_999, 60)]
            as [(Int64, Int64, Int64)]
        {
            let terms = TrainSettlementTerms(orderAmount: amount, ticketPrice: price, rateBasisPoints: rate)
            #expect(terms.merchantShare + terms.platformShare + terms.customerDifference == amount)
            #expect(terms.merchantShare >= 0 && terms.platformShare >= 0 && terms.customerDifference >= 0)
        }
        let usual = TrainSettlementTerms(orderAmount: 10_000, ticketPrice: 9_550, rateBasisPoints: 500)
        #expect(usual.platformShare == 478 && usual.merchantShare == 9_072 && usual.customerDifference == 450)
    }

    @Test func ratesAreReadExactly() {
        #expect(TrainSettlementTerms.basisPoints("0.0500") == 500)
        #expect(TrainSettlementTerms.basisPoints("0.006") == 60)
        #expect(TrainSettlementTerms.basisPoints("1") == 10_000)
        #expect(TrainSettlementTerms.basisPoints("0") == 0)
        for bad in ["1.0001", "2", "-0.1", "0.00001", "abc", ".5", ""] {
            #expect(TrainSettlementTerms.basisPoints(bad) == nil, "\(bad)")
        }
    }
}
