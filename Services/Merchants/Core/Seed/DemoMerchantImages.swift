/// Small PNG images of the demo merchants, drawn for this project (flat shapes on a category's
/// colour): a category icon (48×48), a merchant logo (64×64) and a voucher picture (120×80) per top
/// category, and points-mall pictures (96×96). They are stored through the content service's file
/// store, so their URLs work like any upload; `name` also makes the store call's idempotency key.
enum DemoMerchantImages {
    static let all: [(name: String, base64: String)] = [
        (
            "icon-food",
            "iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAMAAABg3Am1AAAABlBMVEX/////aj0sICivAAAAd0lEQVR42u2WMQ7AIAzE8P8/"
                + "3a1LQ8Ch0KU3krOEIORo7Qtxy7mnGAJJe4aAIkhl/U8CJGEBcARIwgIgCQv0Kl1ifq/xcnJ8Q39cXATyJvuBffegW2O5+cbt"
                + "vf/FHZgafpAdmK1+3PtA8ZFVCEUfu4VgL3wdXtcFukkFKf+cQ2EAAAAASUVORK5CYII="
        ),
        (
            "icon-leisure",
            "iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAMAAABg3Am1AAAABlBMVEX///+OXPeLvpATAAAAd0lEQVR42u2WMQ7AIAzE8P8/"
                + "3a1LQ8Ch0KU3krOEIORo7Qtxy7mnGAJJe4aAIkhl/U8CJGEBcARIwgIgCQv0Kl1ifq/xcnJ8Q39cXATyJvuBffegW2O5+cbt"
                + "vf/FHZgafpAdmK1+3PtA8ZFVCEUfu4VgL3wdXtcFukkFKf+cQ2EAAAAASUVORK5CYII="
        ),
        (
            "icon-beauty",
            "iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAMAAABg3Am1AAAABlBMVEX/////XJrtjo+RAAAAd0lEQVR42u2WMQ7AIAzE8P8/"
                + "3a1LQ8Ch0KU3krOEIORo7Qtxy7mnGAJJe4aAIkhl/U8CJGEBcARIwgIgCQv0Kl1ifq/xcnJ8Q39cXATyJvuBffegW2O5+cbt"
                + "vf/FHZgafpAdmK1+3PtA8ZFVCEUfu4VgL3wdXtcFukkFKf+cQ2EAAAAASUVORK5CYII="
        ),
        (
            "icon-hotel",
            "iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAMAAABg3Am1AAAABlBMVEX///89i/+MBAuwAAAAd0lEQVR42u2WMQ7AIAzE8P8/"
                + "3a1LQ8Ch0KU3krOEIORo7Qtxy7mnGAJJe4aAIkhl/U8CJGEBcARIwgIgCQv0Kl1ifq/xcnJ8Q39cXATyJvuBffegW2O5+cbt"
                + "vf/FHZgafpAdmK1+3PtA8ZFVCEUfu4VgL3wdXtcFukkFKf+cQ2EAAAAASUVORK5CYII="
        ),
        (
            "icon-life",
            "iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAMAAABg3Am1AAAABlBMVEX///8tvn6orNnAAAAAd0lEQVR42u2WMQ7AIAzE8P8/"
                + "3a1LQ8Ch0KU3krOEIORo7Qtxy7mnGAJJe4aAIkhl/U8CJGEBcARIwgIgCQv0Kl1ifq/xcnJ8Q39cXATyJvuBffegW2O5+cbt"
                + "vf/FHZgafpAdmK1+3PtA8ZFVCEUfu4VgL3wdXtcFukkFKf+cQ2EAAAAASUVORK5CYII="
        ),
        (
            "logo-food",
            "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAMAAACdt4HsAAAABlBMVEX/////aj0sICivAAAAkklEQVR42u2WwQ7AIAhDu///"
                + "6V122iqWVeMy4SjyEmOB4jADBSjABgBc8QqAWyQBIJEBADIBcnkDgUw9IyCqD47aAH63TYD69yogeCzPQNcez3FAqK4I0JMt"
                + "SU8B9NpzIkDo/qfECvA7wHolfqAb7YHijzR7qPpj3V8s9mrzl6u/3n2DMcDi+CZrgM0rr1yAzQAnhaMNefq1y+UAAAAASUVO"
                + "RK5CYII="
        ),
        (
            "logo-leisure",
            "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAMAAACdt4HsAAAABlBMVEX///+OXPeLvpATAAAAkklEQVR42u2WwQ7AIAhDu///"
                + "6V122iqWVeMy4SjyEmOB4jADBSjABgBc8QqAWyQBIJEBADIBcnkDgUw9IyCqD47aAH63TYD69yogeCzPQNcez3FAqK4I0JMt"
                + "SU8B9NpzIkDo/qfECvA7wHolfqAb7YHijzR7qPpj3V8s9mrzl6u/3n2DMcDi+CZrgM0rr1yAzQAnhaMNefq1y+UAAAAASUVO"
                + "RK5CYII="
        ),
        (
            "logo-beauty",
            "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAMAAACdt4HsAAAABlBMVEX/////XJrtjo+RAAAAkklEQVR42u2WwQ7AIAhDu///"
                + "6V122iqWVeMy4SjyEmOB4jADBSjABgBc8QqAWyQBIJEBADIBcnkDgUw9IyCqD47aAH63TYD69yogeCzPQNcez3FAqK4I0JMt"
                + "SU8B9NpzIkDo/qfECvA7wHolfqAb7YHijzR7qPpj3V8s9mrzl6u/3n2DMcDi+CZrgM0rr1yAzQAnhaMNefq1y+UAAAAASUVO"
                + "RK5CYII="
        ),
        (
            "logo-hotel",
            "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAMAAACdt4HsAAAABlBMVEX///89i/+MBAuwAAAAkklEQVR42u2WwQ7AIAhDu///"
                + "6V122iqWVeMy4SjyEmOB4jADBSjABgBc8QqAWyQBIJEBADIBcnkDgUw9IyCqD47aAH63TYD69yogeCzPQNcez3FAqK4I0JMt"
                + "SU8B9NpzIkDo/qfECvA7wHolfqAb7YHijzR7qPpj3V8s9mrzl6u/3n2DMcDi+CZrgM0rr1yAzQAnhaMNefq1y+UAAAAASUVO"
                + "RK5CYII="
        ),
        (
            "logo-life",
            "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAMAAACdt4HsAAAABlBMVEX///8tvn6orNnAAAAAkklEQVR42u2WwQ7AIAhDu///"
                + "6V122iqWVeMy4SjyEmOB4jADBSjABgBc8QqAWyQBIJEBADIBcnkDgUw9IyCqD47aAH63TYD69yogeCzPQNcez3FAqK4I0JMt"
                + "SU8B9NpzIkDo/qfECvA7wHolfqAb7YHijzR7qPpj3V8s9mrzl6u/3n2DMcDi+CZrgM0rr1yAzQAnhaMNefq1y+UAAAAASUVO"
                + "RK5CYII="
        ),
        (
            "voucher-food",
            "iVBORw0KGgoAAAANSUhEUgAAAHgAAABQCAMAAADlRUG7AAAABlBMVEX/////aj0sICivAAAAbElEQVR42u3XMQ6AMAwDQPP/"
                + "TzMjshIL9Tx6OalDkuYqJWAwGAwGg8FgMBj8Uzgf53A4HfjZLMHvagceuhV4KjfgsV2AAy7C2YDjqU+EW5OrNatb26myj1sX"
                + "yNlXpi8MGAwGg8FgMBgMBo+5AUIBG3G/RafSAAAAAElFTkSuQmCC"
        ),
        (
            "voucher-leisure",
            "iVBORw0KGgoAAAANSUhEUgAAAHgAAABQCAMAAADlRUG7AAAABlBMVEX///+OXPeLvpATAAAAbElEQVR42u3XMQ6AMAwDQPP/"
                + "TzMjshIL9Tx6OalDkuYqJWAwGAwGg8FgMBj8Uzgf53A4HfjZLMHvagceuhV4KjfgsV2AAy7C2YDjqU+EW5OrNatb26myj1sX"
                + "yNlXpi8MGAwGg8FgMBgMBo+5AUIBG3G/RafSAAAAAElFTkSuQmCC"
        ),
        (
            "voucher-beauty",
            "iVBORw0KGgoAAAANSUhEUgAAAHgAAABQCAMAAADlRUG7AAAABlBMVEX/////XJrtjo+RAAAAbElEQVR42u3XMQ6AMAwDQPP/"
                + "TzMjshIL9Tx6OalDkuYqJWAwGAwGg8FgMBj8Uzgf53A4HfjZLMHvagceuhV4KjfgsV2AAy7C2YDjqU+EW5OrNatb26myj1sX"
                + "yNlXpi8MGAwGg8FgMBgMBo+5AUIBG3G/RafSAAAAAElFTkSuQmCC"
        ),
        (
            "voucher-hotel",
            "iVBORw0KGgoAAAANSUhEUgAAAHgAAABQCAMAAADlRUG7AAAABlBMVEX///89i/+MBAuwAAAAbElEQVR42u3XMQ6AMAwDQPP/"
                + "TzMjshIL9Tx6OalDkuYqJWAwGAwGg8FgMBj8Uzgf53A4HfjZLMHvagceuhV4KjfgsV2AAy7C2YDjqU+EW5OrNatb26myj1sX"
                + "yNlXpi8MGAwGg8FgMBgMBo+5AUIBG3G/RafSAAAAAElFTkSuQmCC"
        ),
        (
            "voucher-life",
            "iVBORw0KGgoAAAANSUhEUgAAAHgAAABQCAMAAADlRUG7AAAABlBMVEX///8tvn6orNnAAAAAbElEQVR42u3XMQ6AMAwDQPP/"
                + "TzMjshIL9Tx6OalDkuYqJWAwGAwGg8FgMBj8Uzgf53A4HfjZLMHvagceuhV4KjfgsV2AAy7C2YDjqU+EW5OrNatb26myj1sX"
                + "yNlXpi8MGAwGg8FgMBgMBo+5AUIBG3G/RafSAAAAAElFTkSuQmCC"
        ),
        (
            "points-digital",
            "iVBORw0KGgoAAAANSUhEUgAAAGAAAABgCAMAAADVRocKAAAABlBMVEX///80SV7byBaNAAAAQklEQVR42u3YMQEAMAjEwMe/"
                + "6WpgYKBcDNye1HABAAAAAAAAWA6kGQAAAAAAAAAAAAAAAAAA4G/AUgMAAAAAAHAMeFElGwE6m/yWAAAAAElFTkSuQmCC"
        ),
        (
            "points-digital-alt",
            "iVBORw0KGgoAAAANSUhEUgAAAGAAAABgCAMAAADVRocKAAAABlBMVEX///8avJz1ussDAAAApUlEQVR42u3YMQ4CMQxE0c/9"
                + "L01Hs+BI2JPA6k+98uuy9vAIBwEBAQEBAQGBy7evBAAuGQV4mzGAjxkBKNMHoCfQnL8U6M5fCbTnLwT682uBgfmlwMT8SjgI"
                + "wIhwDoAZ4RgAQ4LAtwBMCQICAucAH7sfAP7/n3yDvegGu2l+fc8fIPkTKn8E5s/Y/CGerxLyZciGOmdDIbWhUrPWFBAQEBAQ"
                + "EKjzBNLZG7GT/N0DAAAAAElFTkSuQmCC"
        ),
        (
            "points-home",
            "iVBORw0KGgoAAAANSUhEUgAAAGAAAABgCAMAAADVRocKAAAABlBMVEX////1piO89whYAAAAQklEQVR42u3YMQEAMAjEwMe/"
                + "6WpgYKBcDNye1HABAAAAAAAAWA6kGQAAAAAAAAAAAAAAAAAA4G/AUgMAAAAAAHAMeFElGwE6m/yWAAAAAElFTkSuQmCC"
        ),
        (
            "points-home-alt",
            "iVBORw0KGgoAAAANSUhEUgAAAGAAAABgCAMAAADVRocKAAAABlBMVEX///+wfWKpsSqhAAAApUlEQVR42u3YMQ4CMQxE0c/9"
                + "L01Hs+BI2JPA6k+98uuy9vAIBwEBAQEBAQGBy7evBAAuGQV4mzGAjxkBKNMHoCfQnL8U6M5fCbTnLwT682uBgfmlwMT8SjgI"
                + "wIhwDoAZ4RgAQ4LAtwBMCQICAucAH7sfAP7/n3yDvegGu2l+fc8fIPkTKn8E5s/Y/CGerxLyZciGOmdDIbWhUrPWFBAQEBAQ"
                + "EKjzBNLZG7GT/N0DAAAAAElFTkSuQmCC"
        ),
    ]
}
