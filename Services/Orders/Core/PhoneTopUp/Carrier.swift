/// The four networks whose numbers take phone credit.
enum Carrier: String, Sendable, CaseIterable {
    case mobile, unicom, telecom, broadnet

    /// How a top-up names it after the place (`广东广州移动`).
    var shortName: String {
        switch self {
        case .mobile: "移动"
        case .unicom: "联通"
        case .telecom: "电信"
        case .broadnet: "广电"
        }
    }

    /// Its full name (`中国移动`), for a number whose segment the data does not place.
    var fullName: String {
        switch self {
        case .mobile: "中国移动"
        case .unicom: "中国联通"
        case .telecom: "中国电信"
        case .broadnet: "中国广电"
        }
    }
}

/// What a mobile number's prefix says about it, by the public allocation of the Ministry of Industry
/// and Information Technology (MIIT): the network of an ordinary number, or why the number cannot be
/// topped up here: a virtual operator's number (its credit is sold by that operator), a data-only
/// (IoT) number, a satellite number, or a prefix nobody was given.
enum NumberAllocation: Sendable, Equatable {
    case carrier(Carrier)
    case virtualOperator
    case dataOnly
    case satellite
    case unallocated

    /// The allocation of `number` (11 digits starting with 1).
    static func of(_ number: String) -> NumberAllocation {
        if number.hasPrefix("1349") { return .satellite }
        guard let prefix = Int(number.prefix(3)) else { return .unallocated }
        if let carrier = carriers[prefix] { return .carrier(carrier) }
        if virtualOperatorPrefixes.contains(prefix) { return .virtualOperator }
        if dataOnlyPrefixes.contains(prefix) { return .dataOnly }
        if prefix == 174 { return .satellite }
        return .unallocated
    }

    /// The three-digit prefixes of ordinary numbers and their networks.
    static let carriers: [Int: Carrier] = {
        var table: [Int: Carrier] = [:]
        let mobile = [
            134, 135, 136, 137, 138, 139, 147, 150, 151, 152, 157, 158, 159, 172, 178, 182, 183, 184, 187, 188,
        ]
        let unicom = [130, 131, 132, 145, 155, 156, 166, 175, 176, 185, 186, 196]
        let telecom = [133, 149, 153, 173, 177, 180, 181, 189, 190, 191, 193, 199]
        for prefix in mobile + [195, 197, 198] { table[prefix] = .mobile }
        for prefix in unicom { table[prefix] = .unicom }
        for prefix in telecom { table[prefix] = .telecom }
        table[192] = .broadnet
        return table
    }()

    /// Prefixes of the virtual operators (MVNO): 162, 165, 167, 170, 171.
    static let virtualOperatorPrefixes: Set<Int> = [162, 165, 167, 170, 171]
    /// Prefixes of data-only and IoT numbers: 140, 141, 144, 146, 148.
    static let dataOnlyPrefixes: Set<Int> = [140, 141, 144, 146, 148]
}
