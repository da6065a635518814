-- Points-mall orders (the app base API, document 003: `order.list`, and the platform's `order.submit`),
-- paid in gold coins on creation. An order is written `placing` before any stock or coin moves; the
-- request that placed it makes it `paid`, or it is `undoing` until what it took (a stock reservation on
-- the merchants service, coins on the user service, each moved under a key derived from the order
-- number) is given back, then `failed`. A paid order is `shipped`, `completed` or `closed`; closing
-- gives the coins and the stock back. `returns_pending` marks an order whose give-back is decided but
-- not yet confirmed, which the sweep finishes.
CREATE SEQUENCE points_order_numbers;

CREATE TABLE points_orders (
    id bigserial PRIMARY KEY,
    order_sn text NOT NULL UNIQUE CHECK (order_sn ~ '^SN[0-9]{18}$'),
    account_id bigint NOT NULL CHECK (account_id > 0),
    state text NOT NULL DEFAULT 'placing' CHECK (state IN (
        'placing', 'undoing', 'failed', 'paid', 'shipped', 'completed', 'closed')),
    goods_id bigint NOT NULL CHECK (goods_id > 0),
    product_id bigint NOT NULL CHECK (product_id > 0),
    quantity integer NOT NULL CHECK (quantity > 0),
    -- Gold coins: the sum of the items' payment prices.
    total_price bigint NOT NULL CHECK (total_price >= 0),
    receiver_name text NOT NULL CHECK (char_length(receiver_name) <= 64),
    receiver_province text NOT NULL CHECK (char_length(receiver_province) <= 64),
    receiver_city text NOT NULL CHECK (char_length(receiver_city) <= 64),
    receiver_district text NOT NULL CHECK (char_length(receiver_district) <= 64),
    receiver_street text NOT NULL DEFAULT '' CHECK (char_length(receiver_street) <= 64),
    receiver_address text NOT NULL CHECK (char_length(receiver_address) <= 200),
    receiver_mobile text NOT NULL CHECK (char_length(receiver_mobile) <= 32),
    reservation_id bigint CHECK (reservation_id > 0),
    coins_spent boolean NOT NULL DEFAULT false,
    returns_pending boolean NOT NULL DEFAULT false,
    carrier text NOT NULL DEFAULT '' CHECK (char_length(carrier) <= 64),
    tracking_no text NOT NULL DEFAULT '' CHECK (char_length(tracking_no) <= 64),
    close_reason text NOT NULL DEFAULT '' CHECK (char_length(close_reason) <= 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    pay_time timestamptz,
    shipping_time timestamptz,
    done_time timestamptz,
    closed_time timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (state NOT IN ('paid', 'shipped', 'completed', 'closed')
           OR (pay_time IS NOT NULL AND reservation_id IS NOT NULL AND (coins_spent OR total_price = 0))),
    CHECK (state NOT IN ('shipped', 'completed') OR shipping_time IS NOT NULL),
    CHECK ((state = 'completed') = (done_time IS NOT NULL)),
    CHECK ((state = 'closed') = (closed_time IS NOT NULL)),
    CHECK (NOT returns_pending OR state IN ('undoing', 'closed'))
);
CREATE INDEX points_orders_of_account ON points_orders (account_id, id DESC);
CREATE INDEX points_orders_of_goods ON points_orders (account_id, goods_id);
CREATE INDEX points_orders_unsettled ON points_orders (updated_at)
    WHERE state IN ('placing', 'undoing') OR returns_pending;

-- What an order bought, as it was when it was placed (goods.detail's names and prices, in coins).
CREATE TABLE points_order_items (
    order_id bigint NOT NULL REFERENCES points_orders (id),
    position integer NOT NULL CHECK (position BETWEEN 1 AND 10),
    goods_id bigint NOT NULL CHECK (goods_id > 0),
    goods_name text NOT NULL CHECK (char_length(goods_name) BETWEEN 1 AND 100),
    goods_image text NOT NULL CHECK (char_length(goods_image) <= 600),
    product_id bigint NOT NULL CHECK (product_id > 0),
    spec_val text NOT NULL CHECK (char_length(spec_val) <= 500),
    market_price bigint NOT NULL CHECK (market_price >= 0),
    sales_price bigint NOT NULL CHECK (sales_price >= 0),
    quantity integer NOT NULL CHECK (quantity > 0),
    payment_price bigint NOT NULL CHECK (payment_price >= 0),
    total_price bigint NOT NULL CHECK (total_price = sales_price * quantity),
    PRIMARY KEY (order_id, position)
);

CREATE TABLE points_order_history (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES points_orders (id),
    from_state text,
    to_state text NOT NULL,
    actor text NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 64),
    note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 200),
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX points_order_history_of_order ON points_order_history (order_id, id);
