-- Profiles, passengers (train contacts), delivery addresses and payment methods. Every row belongs to
-- one account of the auth service, named by its id; a profile is created the first time the account
-- uses this service, so every other table hangs off it.
CREATE TABLE profiles (
    account_id      bigint PRIMARY KEY CHECK (account_id > 0),
    nickname        text CHECK (nickname IS NULL OR char_length(nickname) BETWEEN 1 AND 50),
    real_name       text CHECK (real_name IS NULL OR char_length(real_name) BETWEEN 1 AND 50),
    -- 0 not given, 1 male, 2 female (the c2c document's 1 / 2).
    sex             smallint NOT NULL DEFAULT 0 CHECK (sex IN (0, 1, 2)),
    -- Set once, never changed afterwards (the mobile document's saveinfo rule).
    birthday        date CHECK (birthday IS NULL OR birthday >= DATE '1900-01-01'),
    -- A resident ID number whose GB 11643 check digit was verified.
    id_number       text CHECK (id_number IS NULL OR id_number ~ '^[0-9]{17}[0-9X]$'),
    intro           text NOT NULL DEFAULT '' CHECK (char_length(intro) <= 200),
    head_image_url  text CHECK (head_image_url IS NULL OR char_length(head_image_url) BETWEEN 1 AND 500),
    head_image_path text CHECK (head_image_path IS NULL OR char_length(head_image_path) BETWEEN 1 AND 300),
    is_merchant     boolean NOT NULL DEFAULT false,
    -- The merchant's fee rate as a fraction (0.0060 is 0.6 %).
    benefit_rate    numeric(6, 4) NOT NULL DEFAULT 0 CHECK (benefit_rate >= 0 AND benefit_rate <= 1),
    im_name         text UNIQUE CHECK (im_name IS NULL OR im_name ~ '^EZ[0-9]{11}$'),
    im_password     text CHECK (im_password IS NULL OR im_password ~ '^[0-9]{10}$'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Passengers a train-ticket user books for (the document's "contacts").
CREATE TABLE passengers (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id     bigint NOT NULL REFERENCES profiles (account_id),
    name           text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 30),
    id_type        text NOT NULL CHECK (id_type IN ('resident_id')),
    id_number      text NOT NULL CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
    passenger_type text NOT NULL CHECK (passenger_type IN ('adult', 'child', 'student')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT passengers_one_per_id_number UNIQUE (account_id, id_number)
);

-- Delivery addresses; region codes are 6-digit administrative division codes checked against the
-- content service's region data when saved, names are the region data's own.
CREATE TABLE addresses (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint NOT NULL REFERENCES profiles (account_id),
    province_code text NOT NULL CHECK (province_code ~ '^[0-9]{6}$'),
    city_code     text NOT NULL CHECK (city_code ~ '^[0-9]{6}$'),
    county_code   text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    province_name text NOT NULL CHECK (char_length(province_name) BETWEEN 1 AND 50),
    city_name     text NOT NULL CHECK (char_length(city_name) BETWEEN 1 AND 50),
    county_name   text NOT NULL CHECK (char_length(county_name) BETWEEN 1 AND 50),
    detail        text NOT NULL CHECK (char_length(detail) BETWEEN 1 AND 200),
    receiver      text NOT NULL CHECK (char_length(receiver) BETWEEN 1 AND 50),
    phone         text NOT NULL CHECK (phone ~ '^1[0-9]{10}$'),
    postcode      text CHECK (postcode IS NULL OR postcode ~ '^[0-9]{6}$'),
    is_default    boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX addresses_account ON addresses (account_id, id);
-- At most one default per user; the code makes the first address the default, so there is exactly one.
CREATE UNIQUE INDEX addresses_one_default ON addresses (account_id) WHERE is_default;

-- Payment methods of the c2c document: 1 bank card, 2 Alipay, 3 WeChat Pay, with the fields and
-- lengths of its tables.
CREATE TABLE payment_methods (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id     bigint NOT NULL REFERENCES profiles (account_id),
    kind           smallint NOT NULL CHECK (kind IN (1, 2, 3)),
    account_number text NOT NULL CHECK (char_length(account_number) BETWEEN 1 AND 20),
    account_name   text CHECK (account_name IS NULL OR char_length(account_name) BETWEEN 1 AND 50),
    bank_name      text CHECK (bank_name IS NULL OR char_length(bank_name) BETWEEN 1 AND 50),
    bank_address   text CHECK (bank_address IS NULL OR char_length(bank_address) BETWEEN 1 AND 100),
    qrcode         text CHECK (qrcode IS NULL OR char_length(qrcode) BETWEEN 1 AND 100),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payment_methods_fields_of_kind CHECK (
        (kind = 1 AND account_number ~ '^[0-9]{12,19}$' AND account_name IS NOT NULL AND bank_name IS NOT NULL
            AND bank_address IS NOT NULL AND qrcode IS NULL)
        OR (kind IN (2, 3) AND qrcode IS NOT NULL AND account_name IS NULL AND bank_name IS NULL
            AND bank_address IS NULL)),
    CONSTRAINT payment_methods_one_per_number UNIQUE (account_id, kind, account_number)
);
CREATE INDEX payment_methods_account ON payment_methods (account_id, kind, id);
