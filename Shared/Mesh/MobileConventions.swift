/// Names of the mobile mall dialect that the gateway's codec and the services both use.
public enum MobileConventions {
    /// The cookie the captcha image sets: the id of the challenge whose answer the server keeps. The
    /// gateway passes it on as the business parameter of the same name.
    public static let captchaCookie = "captchaId"
}
