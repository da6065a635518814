/// The key pairs of development and test starts, shipped so that a local start pays through the Alipay
/// simulator without any set-up: the platform app's pair (its private key signs our requests; the
/// simulator checks them with its public key) and the simulated Alipay's pair (its private key signs the
/// simulator's answers and notifications; its public key is the default `ALIPAY_PUBLIC_KEY`). Both are
/// 2048-bit RSA keys made for this repository with `openssl genpkey -algorithm RSA -pkeyopt
/// rsa_keygen_bits:2048`, written as Alipay's key tool writes keys (bare base64 of PKCS#8 and of the
/// X.509 SubjectPublicKeyInfo). They are public: production refuses to start with either.
enum AlipayDevelopmentKeys {
    /// The app id of development starts (Alipay's sandbox apps are numbered 9021…).
    static let appID = "9021000000000001"
    /// The seller (partner) id the simulator pays when `ALIPAY_SELLER_ID` is not set.
    static let sellerID = "2088000000000001"

    static let appPrivateKey =
        "MIIEpQIBAAKCAQEAr3Q95gkOGkKB8iQbJaBQ4mPC0w5+t3wpiiRC+Z+aIYN4fsztsHPpKHumGtIWwEcgInFOeFFUJUezWgulCJXY"
        + "RY1h5UZz2kYBVuQjDySuVL27FymphmTTMd18ZLvqhQpil3uQ5W1QlieX+FB2/xrIorCvDUKfzBdi2jyXRNK7HsQl5B4ZQRYM3wze"
        + "EY0turUKmr7cAwgWTnMOV9LDkaHndxyLhxyfgl6cdQIRqGQBX7+6c4u1l2+/wsWyVD3LmvdlqkqOsndOiMdxYrOtrmbX5kdNubIk"
        + "qUnOx92/PIuLGnvgY1qcE+lL5pgyApxIWLQ9Rj78/p6YT1uYfj3yDYqt4wIDAQABAoIBAAm1yjMv7xre8WggPWxgqflNghvCIpsv"
        + "APGHPjmobpRKPWHvH3xzfcTiyveTBvVPOmUNlkUsYxbJGBD0sgZ+nICE6ZURyBmdZDeV2qbc5dUExxTqFlq8u793vYmpqLoCMCCo"
        + "EwXPffVBbbStZ1iI9++hDZ8TP9rAtJTVY53Id9ik9NGMOpWA28AyrbkXz7wO4MxUTSfGTLC2pgt+jz9OC1VBarrckeDvxxVBCHJ+"
        + "S+qG6EH1tbWE+zLapKnhE72Y8lcQlnFY3ukPc82/gQRLa4Q5cyJI2A8nOYQ1S8boySKEigIt51vLHY/PT0eLOGZ8btCRa9S0kaxO"
        + "jP257HdluBECgYEA6CnUUeRsEK1gPrI4fxa6ko+5U/Z1ZQqQSIAhBRshQ3Nrx9MI80t8WwbjM//ShkLfTWbFhQxh3oeS+/QmJq3K"
        + "ICzd4RQmMUVRaJjjFdiIpPrNSbt6V6nScwQDyPAKMBVToeXSlnHlBZaHH/rVx3IcwGJedK4LnvCU66rIaSG5bvkCgYEAwXfeD8w4"
        + "9z/Ut/NxtBWkcJ4JTwOBpkDlwRp+GK0Kp0+DT5Oonlg4/8lx9i8LatIkn4Z1m8+ueSKBcfHcqiwoZ9zJGr4Od4rdPAQ8Gw+kwjnT"
        + "IpLdXH2leL5b+Yf3S2ZxHi8M9cX63LpNIRMakgCT3fCivst/0dprZFGqUP9tDrsCgYEAx8u3vQInPfL28P3PQQ/+YELv6yIexWXh"
        + "5YLe59YBOlsKVl13RmmgC3ZR8V4nfwPtyF65fVa6oxdplwr2CjNlz2rNR/ZfJ+fPt4RbaWF/tvtf0CRXlTnAstqxpytsmRTBdIKk"
        + "SHSb88MnZo4njAzYUXhWcXOW7KF+h5HiBxfOzYECgYEAnQHsYyG3sWBJ/6c/xYgy1XpLz6Xm18efLaGUZ+420SVESZZpp2etilgv"
        + "dj0jpOM5+YSjeXmH/KK2LoS8MhZ4DCIvytYm43j8pjJBnSyK510KLerGXsNRQLYr6kwfsz9F2dsRR3wOZIeFBKx+SbLSTbF2QiTg"
        + "bKw3r0hfUjCYjvUCgYEA4+2mKDza7q52a2BX/mEjzLqCsv8fFlK0x9gGCVGuSB9V+VkIda/tp6itPnYJ8EDrwuV71v4Yq9y740/V"
        + "1I3MGZNhOv9QP+cFmla2q8sBGl5mZTpx+jqENlncHoiUPzryMdhhabctPZbd3BJwmMFIxt3q2GIjqfkpapg9B9UUu8c="
    static let appPublicKey =
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr3Q95gkOGkKB8iQbJaBQ4mPC0w5+t3wpiiRC+Z+aIYN4fsztsHPpKHum"
        + "GtIWwEcgInFOeFFUJUezWgulCJXYRY1h5UZz2kYBVuQjDySuVL27FymphmTTMd18ZLvqhQpil3uQ5W1QlieX+FB2/xrIorCvDUKf"
        + "zBdi2jyXRNK7HsQl5B4ZQRYM3wzeEY0turUKmr7cAwgWTnMOV9LDkaHndxyLhxyfgl6cdQIRqGQBX7+6c4u1l2+/wsWyVD3Lmvdl"
        + "qkqOsndOiMdxYrOtrmbX5kdNubIkqUnOx92/PIuLGnvgY1qcE+lL5pgyApxIWLQ9Rj78/p6YT1uYfj3yDYqt4wIDAQAB"

    static let alipayPrivateKey =
        "MIIEpAIBAAKCAQEAwteNuo8KnifS6VcTYr6Vs55r8gAvqr4taVcBv48dB8sChm/lQQpTvr+iidLA/Y0ZLQdXH7KxmNY2tdqgDMwU"
        + "pVmcTmfpTl7w1NqBC/3ZYAUlS/ZjlDICIR82DYmoS9Gyj0ZowFcpuQut81fOwup/WrwEGpzqrvEEflrg6AlNQQFnR5WNUf/pzAF7"
        + "i/AQmfzAaezWHmZDQqwyO1aROhXcR3HwyL8prSjrDMGsV1ClWlSYoLzeFvHTdpdY4F84bi9KKKyIVdOAlK2o/63iqei0qhbPOfCY"
        + "B8jvN9x3VKZFgi4PMX+fUHQxPGsO7wO2BL+nh8syjUSAt5ai4U1+IOO1LwIDAQABAoIBABFKf9FmkFKoxhbfG2FP+IkQLhQz4AcP"
        + "CYinqAgP80uVwIudsoKrH/N1nj8M7QOTWgCc/iZZ/VjK6eAJntqD4fEqmqx6nEHQOx8opPsjc/8Jdd3f58ZnCblWw70/0ieoXGhK"
        + "n1Eyawl49974k+jIVrT+qn6SHmGYEgYEmqD88lYqWbrCrjdUwoBw6w9fLhDhPf8bh9Rclaggizj+y7DR7HZBa7/7zQg6+X+yiEcG"
        + "My0wMZH1Vq58TuHNryTcynIUyO+Ln6tzcaLIYOSmID0jBQsPly8oEqXW5YroJbJXvMCNwbnlmJ6TwWIUl5oK3OFFLTCKPHvDtEsM"
        + "F0iD8db2f4ECgYEA/wMvc2E1G1KiJCR23yZllL8nD9fHIGFjo71+6fFBLdZqd5BTFKLC2c+qzOAaBgsMIlsep8c90880nmUj0RDt"
        + "Jk3w9TYskiZ13kchbl6CwBEApSrNezjHuv2yAmpASSoGB3riLJvRVcpupq01A1MsakXo4cL0PeOpbI25OH2B9gcCgYEAw5i3Zp3p"
        + "AlxY2VQB7uVcD9VQNY3o/sFRkIlfuOhznNO4J9DqRt2teVojjP+ONNESSc7/X1erqdEWoE+/IbEZgxdzbBPlCOsi2rKbB1eUV0eK"
        + "ROBWF55XrfxK04eP7eTmFMHpv/2v40mUdEombSRHmUOrg5XWa7roiCulbD6oPZkCgYEA+8llXIKqMOQR+6WVSRdcTNW/98CRd8Mw"
        + "4kcDvHDcbim6zXrOzR03Tl/gwJC0oSrfPDzDs9zhivSXe51ZE9+mh5+FPlfTAiq/TkzlEVh3uLQQ8wOkBvo1GsfKrt/BwXugoFoQ"
        + "XwMqWY6aWi/CnBnPTM7h9abMCR9z9R6ptsEVRJkCgYA3O0Z+mZSUcBM+uzQYi3elmOyfUsU6OsiXcdMv2aPb4wUbaSjeffZgUA29"
        + "4OP9EhSB9wuxloYI29vxxNMJ5oJ3vAWBvVRtYkhjTQ/t0NM4miD3NgnZfYLwxE800BDackpuDhu9dRtXqQ1ckRusshPtuWgTLhpw"
        + "LUVAPmLl4AON8QKBgQCawSkk6u77zzlTtxrnLzN+oEgRO7oj81qFsnVrAVJeB+wa7G5Zc2k9VrkZl8wBYgU8ghXj8KMfGU721ZC8"
        + "pokzkte+XTaYTZIjj5rAFY0f1wUu2nKuRdp95gho2/pak3bMPPSkcdHASWpmjx3QSovWKlbFh9UVsxEFtlvYneh52w=="
    static let alipayPublicKey =
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwteNuo8KnifS6VcTYr6Vs55r8gAvqr4taVcBv48dB8sChm/lQQpTvr+i"
        + "idLA/Y0ZLQdXH7KxmNY2tdqgDMwUpVmcTmfpTl7w1NqBC/3ZYAUlS/ZjlDICIR82DYmoS9Gyj0ZowFcpuQut81fOwup/WrwEGpzq"
        + "rvEEflrg6AlNQQFnR5WNUf/pzAF7i/AQmfzAaezWHmZDQqwyO1aROhXcR3HwyL8prSjrDMGsV1ClWlSYoLzeFvHTdpdY4F84bi9K"
        + "KKyIVdOAlK2o/63iqei0qhbPOfCYB8jvN9x3VKZFgi4PMX+fUHQxPGsO7wO2BL+nh8syjUSAt5ai4U1+IOO1LwIDAQAB"
}
