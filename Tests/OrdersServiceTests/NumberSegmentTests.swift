import Testing

@testable import OrdersService

/// The shipped number segments, the carrier prefixes and how a number and face value become a top-up
/// target, with the names the document's examples show.
struct NumberSegmentTests {
    static let directory: SegmentDirectory = {
        do {
            return try SegmentDirectory.bundled()
        } catch {
            fatalError("the shipped segment data does not load: \(error)")
        }
    }()
    static let targets = TopUpTargets(directory: directory)

    @Test func theShippedDataIsWholeAndPlacesTheDocumentsExamples() {
        #expect(Self.directory.knownSegments == 499_527)
        #expect(Self.directory.region(of: "15698566598") == NumberRegion(province: "山西", city: "太原"))
        #expect(Self.directory.region(of: "13660362850") == NumberRegion(province: "广东", city: "广州"))
        #expect(Self.directory.region(of: "18957509123") == NumberRegion(province: "浙江", city: "绍兴"))
        #expect(Self.directory.region(of: "1300000") == nil)
        #expect(Self.directory.region(of: "12000000000") == nil)
        #expect(Self.directory.region(of: "1999999999x") == nil)
    }

    @Test func targetsNameTheProductAndThePlaceAsTheDocumentDoes() throws {
        let shanxi = try Self.targets.target(phone: "15698566598", faceValue: "20").get()
        #expect(shanxi.carrier == .unicom)
        #expect(shanxi.cardName == "山西联通话费20元")
        #expect(shanxi.belongArea == "山西太原联通")
        let guangzhou = try Self.targets.target(phone: "13660362850", faceValue: "10").get()
        #expect(guangzhou.cardName == "广东移动话费10元" && guangzhou.belongArea == "广东广州移动")
        let beijing = try Self.targets.target(phone: "13800138000", faceValue: "300").get()
        #expect(beijing.belongArea == "北京移动")
        let broadnet = try Self.targets.target(phone: "19200000000", faceValue: "50").get()
        #expect(broadnet.carrier == .broadnet && broadnet.belongArea.hasSuffix("广电"))
    }

    @Test func anUnplacedSegmentStillHasItsCarrier() throws {
        let empty = try SegmentDirectory(text: Array("# nothing\n".utf8))
        let target = try TopUpTargets(directory: empty).target(phone: "18912345678", faceValue: "30").get()
        #expect(target.region == nil)
        #expect(target.cardName == "中国电信话费30元" && target.belongArea == "中国电信")
    }

    @Test func carriersFollowTheAllocatedPrefixes() {
        let expected: [(String, NumberAllocation)] = [
            ("13412345678", .carrier(.mobile)), ("19812345678", .carrier(.mobile)), ("19512345678", .carrier(.mobile)),
            ("13012345678", .carrier(.unicom)), ("16612345678", .carrier(.unicom)), ("19612345678", .carrier(.unicom)),
            ("13312345678", .carrier(.telecom)), ("19912345678", .carrier(.telecom)),
            ("19012345678", .carrier(.telecom)),
            ("19212345678", .carrier(.broadnet)), ("17012345678", .virtualOperator), ("16212345678", .virtualOperator),
            ("14012345678", .dataOnly), ("13491234567", .satellite), ("17401234567", .satellite),
            ("12012345678", .unallocated), ("15412345678", .unallocated),
        ]
        for (number, allocation) in expected { #expect(NumberAllocation.of(number) == allocation, "\(number)") }
    }

    @Test func badNumbersAndFaceValuesAreRefusedWithTheDocumentsCodes() {
        func code(_ phone: String?, _ face: String?) -> String? {
            guard case .failure(let refusal) = Self.targets.target(phone: phone, faceValue: face) else { return nil }
            return refusal.wording(in: .mobile)?.code
        }
        #expect(code("1569856659", "20") == "208505")
        #expect(code("25698566598", "20") == "208505")
        #expect(code("1569856659x", "20") == "208505")
        #expect(code(nil, "20") == "208505")
        #expect(code("12012345678", "20") == "208505")
        #expect(code("17012345678", "20") == "208505")
        #expect(code("15698566598", "25") == "208506")
        #expect(code("15698566598", nil) == "208506")
        #expect(code("15698566598", "-20") == "208506")
        #expect(code("1569856659", "25") == "208505", "the number is judged first")
        #expect(code("15698566598", "20.00") == nil)
    }

    @Test func faceValuesAreTheDocumentsSix() {
        #expect(FaceValue.all.map(\.yuan) == [10, 20, 30, 50, 100, 300])
        #expect(FaceValue("100")?.fen == 10_000)
        for bad in ["", "0", "5", "1000", "+20", "20.5", "２０", "0x14", "20 "] {
            #expect(FaceValue(bad) == nil, "\(bad)")
        }
    }

    @Test func malformedSegmentFilesAreRefusedByLine() {
        func problem(_ text: String) -> Int? {
            do {
                _ = try SegmentDirectory(text: Array(text.utf8))
                return nil
            } catch {
                return error.line
            }
        }
        #expect(problem("R 0 北京 北京\n1300 1000:0\n") == nil)
        #expect(problem("R 1 北京 北京\n") == 1)
        #expect(problem("R 0 北京\n") == 1)
        #expect(problem("R 0 北京 北京\n1300 999:0\n") == 2)
        #expect(problem("R 0 北京 北京\n1300 1001:0\n") == 2)
        #expect(problem("R 0 北京 北京\n1300 1000:1\n") == 2)
        #expect(problem("R 0 北京 北京\n1300 1000:0\n1300 1000:-\n") == 3)
        #expect(problem("R 0 北京 北京\n2000 1000:0\n") == 2)
        #expect(problem("R 0 北京 北京\n1300 500:x 500:0\n") == 2)
        let directory = try? SegmentDirectory(text: Array("R 0 上海 上海\n1301 2:- 3:0 995:-\n".utf8))
        #expect(directory?.region(of: "13010011234") == nil)
        #expect(directory?.region(of: "13010021234") == NumberRegion(province: "上海", city: "上海"))
        #expect(directory?.region(of: "13010041234") == NumberRegion(province: "上海", city: "上海"))
        #expect(directory?.region(of: "13010051234") == nil)
    }
}
