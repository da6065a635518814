-- Operations centres, merchant categories, merchants, goods with their products (SKUs), stock
-- reservations for orders and the stock ledger.

-- An operations centre runs one O2O mini-program: `app_id` is that mini-program's WeChat app id.
CREATE TABLE operation_centres (
    id bigserial PRIMARY KEY,
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    app_id text NOT NULL UNIQUE CHECK (app_id ~ '^[A-Za-z0-9_-]{1,64}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Two levels: a top category (no parent) and its children. status 1 shown, 2 hidden.
CREATE TABLE merchant_categories (
    id bigserial PRIMARY KEY,
    parent_id bigint REFERENCES merchant_categories (id),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
    icon text NOT NULL DEFAULT '' CHECK (char_length(icon) <= 500),
    sort_order integer NOT NULL DEFAULT 0 CHECK (sort_order BETWEEN 0 AND 9999),
    status smallint NOT NULL DEFAULT 1 CHECK (status IN (1, 2)),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_id IS DISTINCT FROM id)
);
CREATE INDEX merchant_categories_parent ON merchant_categories (parent_id, sort_order, id);

-- approval: pending (new), approved (listed while status is 1), rejected. status 1 open, 2 suspended.
-- Coordinates are degrees (GCJ-02 as the mini-program's location API gives them); `geo` is the point
-- (longitude, latitude) the nearby search's GiST index covers. Region codes are the content
-- service's (six-digit adcodes). `lowest_amount` is in fen; `weight` orders lists without a point.
CREATE TABLE merchants (
    id bigserial PRIMARY KEY,
    oper_id bigint NOT NULL REFERENCES operation_centres (id),
    category_id bigint NOT NULL REFERENCES merchant_categories (id),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    brand text NOT NULL DEFAULT '' CHECK (char_length(brand) <= 100),
    region smallint NOT NULL DEFAULT 1 CHECK (region IN (1, 2, 3, 4)),
    address text NOT NULL DEFAULT '' CHECK (char_length(address) <= 200),
    province text NOT NULL DEFAULT '' CHECK (char_length(province) <= 50),
    province_id text NOT NULL DEFAULT '' CHECK (province_id ~ '^([0-9]{6})?$'),
    city text NOT NULL DEFAULT '' CHECK (char_length(city) <= 50),
    city_id text NOT NULL DEFAULT '' CHECK (city_id ~ '^([0-9]{6})?$'),
    area text NOT NULL DEFAULT '' CHECK (char_length(area) <= 50),
    area_id text NOT NULL DEFAULT '' CHECK (area_id ~ '^([0-9]{6})?$'),
    lng numeric(10, 7) NOT NULL CHECK (lng BETWEEN -180 AND 180),
    lat numeric(9, 7) NOT NULL CHECK (lat BETWEEN -90 AND 90),
    geo point GENERATED ALWAYS AS (point(lng::double precision, lat::double precision)) STORED,
    opens_at time NOT NULL DEFAULT '00:00:00',
    closes_at time NOT NULL DEFAULT '23:59:59',
    logo text NOT NULL DEFAULT '' CHECK (char_length(logo) <= 500),
    desc_pic text NOT NULL DEFAULT '' CHECK (char_length(desc_pic) <= 500),
    description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
    contacter text NOT NULL DEFAULT '' CHECK (char_length(contacter) <= 50),
    contacter_phone text NOT NULL DEFAULT '' CHECK (char_length(contacter_phone) <= 30),
    lowest_amount bigint NOT NULL DEFAULT 0 CHECK (lowest_amount >= 0),
    weight integer NOT NULL DEFAULT 0 CHECK (weight BETWEEN 0 AND 1000000),
    approval text NOT NULL DEFAULT 'pending' CHECK (approval IN ('pending', 'approved', 'rejected')),
    status smallint NOT NULL DEFAULT 1 CHECK (status IN (1, 2)),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX merchants_listed_geo ON merchants USING gist (geo) WHERE approval = 'approved' AND status = 1;
CREATE INDEX merchants_listed_weight ON merchants (weight DESC, id DESC) WHERE approval = 'approved' AND status = 1;
CREATE INDEX merchants_listed_city ON merchants (city_id, weight DESC, id DESC)
    WHERE approval = 'approved' AND status = 1;
CREATE INDEX merchants_category ON merchants (category_id);

-- One goods model for three catalogues: `voucher` (an O2O merchant's goods: one product, validity
-- dates, usable hours), `points` (the app base API's points mall: gold-coin prices, specs) and
-- `mall` (the mobile mall: `proId` is the goods id, `proSkuId` a product id). Prices of `points`
-- goods are gold coins, of the others fen. `category_id` is a content-service goods category
-- (cat_type 3). `specs` lists the spec names with their values in display order:
-- [{"name":"颜色","values":["红色","黑色"]}]; empty for a single-spec item. status 1 on sale, 2
-- withdrawn. Dates are days in the service's zone, both ends included; null is open-ended.
CREATE TABLE goods (
    id bigserial PRIMARY KEY,
    catalogue text NOT NULL CHECK (catalogue IN ('voucher', 'points', 'mall')),
    merchant_id bigint REFERENCES merchants (id),
    category_id bigint CHECK (category_id > 0),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 20000),
    buy_info text NOT NULL DEFAULT '' CHECK (char_length(buy_info) <= 5000),
    thumb_url text NOT NULL DEFAULT '' CHECK (char_length(thumb_url) <= 500),
    pic text NOT NULL DEFAULT '' CHECK (char_length(pic) <= 500),
    pic_list jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(pic_list) = 'array' AND jsonb_array_length(pic_list) <= 5),
    start_date date,
    end_date date,
    opens_at time,
    closes_at time,
    limit_count integer NOT NULL DEFAULT 0 CHECK (limit_count BETWEEN 0 AND 100000),
    specs jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(specs) = 'array'),
    sort_order integer NOT NULL DEFAULT 0 CHECK (sort_order BETWEEN 0 AND 9999),
    status smallint NOT NULL DEFAULT 2 CHECK (status IN (1, 2)),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (catalogue <> 'voucher' OR merchant_id IS NOT NULL),
    CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date),
    CHECK ((opens_at IS NULL) = (closes_at IS NULL))
);
CREATE INDEX goods_of_merchant ON goods (merchant_id, sort_order, id) WHERE status = 1;
CREATE INDEX goods_of_catalogue ON goods (catalogue, sort_order DESC, id DESC) WHERE status = 1;

-- A product is one sellable variant of a goods item. `spec_key` is '' for the single product of a
-- single-spec item, else `名:::值` per spec joined by `|||` in the goods' spec order ("颜色:::红色").
CREATE TABLE products (
    id bigserial PRIMARY KEY,
    goods_id bigint NOT NULL REFERENCES goods (id),
    spec_key text NOT NULL DEFAULT '' CHECK (char_length(spec_key) <= 500),
    sku text NOT NULL UNIQUE CHECK (sku ~ '^[A-Za-z0-9_.-]{1,64}$'),
    market_price bigint NOT NULL CHECK (market_price >= 0),
    price bigint NOT NULL CHECK (price >= 0),
    stock integer NOT NULL CHECK (stock >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (goods_id, spec_key)
);

-- Stock held for an order. reserved: taken from stock; committed: sold (counted in sales);
-- released: given back before it was sold; refunded: given back after it was sold.
CREATE TABLE reservations (
    id bigserial PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES products (id),
    goods_id bigint NOT NULL REFERENCES goods (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    order_ref text NOT NULL CHECK (char_length(order_ref) BETWEEN 1 AND 64),
    state text NOT NULL DEFAULT 'reserved' CHECK (state IN ('reserved', 'committed', 'released', 'refunded')),
    reserved_at timestamptz NOT NULL DEFAULT now(),
    committed_at timestamptz,
    ended_at timestamptz,
    CHECK (state <> 'reserved' OR (committed_at IS NULL AND ended_at IS NULL)),
    CHECK (state NOT IN ('committed', 'refunded') OR committed_at IS NOT NULL),
    CHECK (state NOT IN ('released', 'refunded') OR ended_at IS NOT NULL)
);
CREATE INDEX reservations_sales ON reservations (goods_id, committed_at) WHERE state = 'committed';

-- Every change of a product's stock with the stock after it: `reserve`, `release`, `refund` (an order's
-- reservation) or `adjust` (an admin, with the reason).
CREATE TABLE stock_ledger (
    id bigserial PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES products (id),
    change integer NOT NULL CHECK (change <> 0),
    stock_after integer NOT NULL CHECK (stock_after >= 0),
    kind text NOT NULL CHECK (kind IN ('reserve', 'release', 'refund', 'adjust')),
    reservation_id bigint REFERENCES reservations (id),
    reason text NOT NULL DEFAULT '' CHECK (char_length(reason) <= 200),
    actor text NOT NULL DEFAULT '' CHECK (char_length(actor) <= 64),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'adjust') = (reservation_id IS NULL)),
    CHECK (kind <> 'adjust' OR char_length(reason) > 0)
);
CREATE INDEX stock_ledger_product ON stock_ledger (product_id, id);

-- The replies of stock movements by idempotency key (ServiceKit's IdempotencyStore).
CREATE TABLE idempotency_replies (
    key         text PRIMARY KEY CHECK (char_length(key) BETWEEN 1 AND 128),
    fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    reply       json,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Demo data runs, so a restart never seeds twice.
CREATE TABLE seed_runs (
    name text PRIMARY KEY,
    ran_at timestamptz NOT NULL DEFAULT now()
);

-- Whether a goods item is on sale on `today` (a day in the service's zone): on sale (status 1),
-- inside its validity dates, and, when it belongs to a merchant, that merchant approved and open.
-- The merchant's columns are NULL for goods without a merchant.
CREATE FUNCTION goods_on_sale(
    status smallint, start_date date, end_date date, merchant_approval text, merchant_status smallint, today date
) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT status = 1
       AND (start_date IS NULL OR start_date <= today)
       AND (end_date IS NULL OR end_date >= today)
       AND (merchant_approval IS NULL OR (merchant_approval = 'approved' AND merchant_status = 1))
$$;
