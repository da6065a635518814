/// What the cart accepts, decided without a database: a known mobile-mall product, on sale, and never
/// more of it in the cart than its stock. The store applies the same bound to the sum it writes, in the
/// statement that writes it, so concurrent saves cannot pass it together.
enum CartRules {
    /// The most of one product a line may hold (a stock reservation takes at most as many).
    static let maximumQuantity: Int64 = 10_000
    /// The most different products one cart may hold. New lines are counted in the statement that adds
    /// them, so saves of new products at the very same moment may pass it by the few that race.
    static let maximumLines = 100

    /// Why `quantity` more of `product` may not join a line already holding `inCart`; nil when it may.
    static func refusal(adding quantity: Int64, inCart: Int64 = 0, of product: CartProduct?) -> CartRefusal? {
        guard let product else { return .unknownProduct }
        guard product.onSale else { return .notOnSale }
        guard inCart + quantity <= product.stock else { return .overStock(stock: product.stock, inCart: inCart) }
        return nil
    }

    /// Why a line of `product` may not be set to hold `quantity`; nil when it may.
    static func refusal(setting quantity: Int64, of product: CartProduct?) -> CartRefusal? {
        refusal(adding: quantity, inCart: 0, of: product)
    }

    /// The largest total of a line of `product`: its stock, within `maximumQuantity`.
    static func bound(of product: CartProduct) -> Int64 { min(product.stock, maximumQuantity) }
}
