/// Small solid-colour PNG banners (64×32) for the demo ads, article and link, drawn for this project
/// and stored through the file store so their URLs work like any upload.
enum DemoImages {
    static let startAd =
        "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAgCAIAAAAt/+nTAAAAOElEQVR42u3PQQkAAAgEsKtlAfunMIcZfAqDFVim+rUICAgI"
        + "CAgICAgICAgICAgICAgICAgICFwte3EopphzoRgAAAAASUVORK5CYII="
    static let homeFirst =
        "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAgCAIAAAAt/+nTAAAAOElEQVR42u3PQQkAAAgEsCtiDLPYv4kZfAqDFViq57UICAgI"
        + "CAgICAgICAgICAgICAgICAgICFwtg8pITPKFJY8AAAAASUVORK5CYII="
    static let homeSecond =
        "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAgCAIAAAAt/+nTAAAAN0lEQVR42u3PQQkAAAgEsCtnKrPY1Qw+hcEKLNXzWgQEBAQE"
        + "BAQEBAQEBAQEBAQEBAQEBAQErhaNveiX15XuOwAAAABJRU5ErkJggg=="
    static let article =
        "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAgCAIAAAAt/+nTAAAAN0lEQVR42u3PQQkAAAgEsMtjWRPY1Qw+hcEKLDX9WgQEBAQE"
        + "BAQEBAQEBAQEBAQEBAQEBAQErhZ+IbCXueFO2QAAAABJRU5ErkJggg=="
    static let link =
        "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAgCAIAAAAt/+nTAAAAN0lEQVR42u3PQQkAAAgEsKtqNTMawAw+hcEKLNP1WgQEBAQE"
        + "BAQEBAQEBAQEBAQEBAQEBAQErhZNJbjie+oUkgAAAABJRU5ErkJggg=="
}
