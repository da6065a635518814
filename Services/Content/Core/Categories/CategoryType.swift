/// The kinds of categories of the app base API's `cat_type`: 1 article, 2 link, 3 goods.
enum CategoryType: Int, Sendable, CaseIterable {
    case article = 1
    case link = 2
    case goods = 3
}
