import ServiceKit

/// A number and face value the platform can top up: the network from the number's prefix, the place
/// from its segment (nil when the data does not have the segment).
struct TopUpTarget: Sendable, Equatable {
    let phone: String
    let carrier: Carrier
    let region: NumberRegion?
    let faceValue: FaceValue

    /// The product's name as the document writes it: `广东移动话费20元`.
    var cardName: String {
        let place = region.map { $0.province + carrier.shortName } ?? carrier.fullName
        return "\(place)话费\(faceValue.yuan)元"
    }

    /// Where the number belongs, as the document writes it: `广东广州移动` (`北京移动` where province and
    /// city are one, the carrier's full name where the segment is not known).
    var belongArea: String {
        guard let region else { return carrier.fullName }
        let place = region.city == region.province ? region.province : region.province + region.city
        return place + carrier.shortName
    }
}

/// Turns the number and face value a caller sent into a `TopUpTarget`, or the refusal the document
/// codes: 208505 for a number that is wrong or cannot be topped up, 208506 for a face value not on
/// sale. The number is judged first.
struct TopUpTargets: Sendable {
    let directory: SegmentDirectory

    func target(phone: String?, faceValue: String?) -> Result<TopUpTarget, PhoneTopUpRefusal> {
        guard let phone, MobileNumber.isValid(phone) else { return .failure(.badNumber) }
        let carrier: Carrier
        switch NumberAllocation.of(phone) {
        case .carrier(let found): carrier = found
        case .unallocated: return .failure(.badNumber)
        case let other: return .failure(.unsupported(other))
        }
        guard let faceValue, let value = FaceValue(faceValue) else { return .failure(.badFaceValue) }
        return .success(
            TopUpTarget(phone: phone, carrier: carrier, region: directory.region(of: phone), faceValue: value))
    }

    /// The target of a call's `phone` and `facevalue` parameters.
    func target(of parameters: Parameters) -> Result<TopUpTarget, PhoneTopUpRefusal> {
        target(
            phone: try? parameters.text("phone", maxLength: 32),
            faceValue: try? parameters.text("facevalue", maxLength: 16))
    }
}
