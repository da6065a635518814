import Foundation

@testable import AuthService

/// Pictures and files the JPEG and captcha tests share.
enum TestPictures {
    /// Red rising left to right, green top to bottom, blue along the diagonal.
    static func gradient(width: Int, height: Int) -> RGBImage {
        var image = RGBImage(width: width, height: height, filledWith: RGBColour(red: 0, green: 0, blue: 0))
        for y in 0..<height {
            for x in 0..<width {
                let across = width > 1 ? x * 255 / (width - 1) : 128
                let down = height > 1 ? y * 255 / (height - 1) : 128
                image[x, y] = RGBColour(red: UInt8(across), green: UInt8(down), blue: UInt8((across + down) / 2))
            }
        }
        return image
    }

    /// A gentle ramp of about three levels a pixel in every channel, whatever the size.
    static func ramp(width: Int, height: Int) -> RGBImage {
        var image = RGBImage(width: width, height: height, filledWith: RGBColour(red: 0, green: 0, blue: 0))
        for y in 0..<height {
            for x in 0..<width {
                image[x, y] = RGBColour(
                    red: UInt8(min(30 + 3 * x, 255)), green: UInt8(min(60 + 3 * y, 255)),
                    blue: UInt8(min(90 + x + 2 * y, 255)))
            }
        }
        return image
    }

    /// Where the entropy-coded data starts: just after the SOS segment.
    static func scanDataOffset(_ bytes: [UInt8]) -> Int {
        var index = 2
        while index + 3 < bytes.count {
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if bytes[index + 1] == 0xDA {
                return index + 2 + length
            }
            index += 2 + length
        }
        return bytes.count
    }

    /// A 32×16 baseline JFIF file written by libjpeg-turbo's cjpeg at quality 90 (4:2:0) from a
    /// picture whose left half is (230, 120, 40) and right half (30, 140, 160).
    static let independentTwoColourFile: [UInt8] = Array(
        Data(
            base64Encoded: """
                /9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMU\
                FRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU\
                FBQUFBQUFBT/wAARCAAQACADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF\
                BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW\
                V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi\
                4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC\
                AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVm\
                Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq\
                8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDq6KKK/mI/qU8hooor+6j/ADCP/9k=
                """)!)
}
