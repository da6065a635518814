-- O2O voucher orders (document 001): the goods as bought (a snapshot: price in fen, names, pictures),
-- the buyer, the mini-program the order was placed in and the one of the goods' operations centre,
-- the document's status (1 unpaid, 2 cancelled, 3 closed by timeout, 4 paid, 6 refunded, 7 completed),
-- the trade that pays it and the stock reservation that holds its units. The *_at columns of the
-- follow-up work (stock committed or released, the codes' text message sent) are an outbox: the sweep
-- finishes what a crash interrupted.
CREATE TABLE o2o_orders (
    id bigserial PRIMARY KEY,
    order_no text NOT NULL UNIQUE CHECK (order_no ~ '^0[0-9]{20}$'),
    account_id bigint NOT NULL CHECK (account_id > 0),
    app_id text NOT NULL CHECK (char_length(app_id) BETWEEN 1 AND 64),
    oper_id bigint NOT NULL CHECK (oper_id > 0),
    oper_app_id text NOT NULL CHECK (char_length(oper_app_id) BETWEEN 1 AND 64),
    user_name text NOT NULL DEFAULT '' CHECK (char_length(user_name) <= 64),
    notify_mobile text NOT NULL CHECK (notify_mobile ~ '^1[0-9]{10}$'),
    merchant_id bigint NOT NULL CHECK (merchant_id > 0),
    merchant_name text NOT NULL DEFAULT '' CHECK (char_length(merchant_name) <= 100),
    goods_id bigint NOT NULL CHECK (goods_id > 0),
    goods_name text NOT NULL CHECK (char_length(goods_name) BETWEEN 1 AND 200),
    goods_pic text NOT NULL DEFAULT '' CHECK (char_length(goods_pic) <= 600),
    goods_thumb_url text NOT NULL DEFAULT '' CHECK (char_length(goods_thumb_url) <= 600),
    product_id bigint NOT NULL CHECK (product_id > 0),
    price bigint NOT NULL CHECK (price > 0),
    buy_number integer NOT NULL CHECK (buy_number BETWEEN 1 AND 10000),
    pay_price bigint NOT NULL CHECK (pay_price = price * buy_number),
    refund_price bigint NOT NULL DEFAULT 0 CHECK (refund_price BETWEEN 0 AND pay_price),
    status smallint NOT NULL DEFAULT 1 CHECK (status IN (1, 2, 3, 4, 6, 7)),
    trade_no text NOT NULL UNIQUE,
    -- Null only between the order's insert and its stock reservation (a crash there is repaired by the sweep).
    reservation_id bigint CHECK (reservation_id > 0),
    scene_id text CHECK (char_length(scene_id) BETWEEN 1 AND 32),
    pay_time timestamptz,
    refund_time timestamptz,
    stock_committed_at timestamptz,
    stock_released_at timestamptz,
    codes_sent_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((status IN (4, 6, 7)) = (pay_time IS NOT NULL)),
    CHECK ((refund_price > 0) = (refund_time IS NOT NULL))
);
CREATE INDEX o2o_orders_of_account ON o2o_orders (account_id, id DESC);
CREATE INDEX o2o_orders_of_account_status ON o2o_orders (account_id, status, id DESC);
CREATE INDEX o2o_orders_unpaid ON o2o_orders (id) WHERE status = 1;
CREATE INDEX o2o_orders_follow_up ON o2o_orders (id)
    WHERE (status IN (4, 6, 7) AND (stock_committed_at IS NULL OR codes_sent_at IS NULL))
       OR (status IN (2, 3) AND stock_released_at IS NULL)
       OR (status = 1 AND reservation_id IS NULL);

-- One verification code per unit of a paid order: 1 unused, 2 redeemed, 3 refunded. An unused code is
-- unique among the unused ones (a redeemed or refunded number may come round again).
CREATE TABLE o2o_verify_codes (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES o2o_orders (id),
    verify_code text NOT NULL CHECK (verify_code ~ '^[0-9]{12}$'),
    status smallint NOT NULL DEFAULT 1 CHECK (status IN (1, 2, 3)),
    redeemed_at timestamptz,
    redeemed_by text CHECK (char_length(redeemed_by) BETWEEN 1 AND 64),
    refund_id bigint,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 2) = (redeemed_at IS NOT NULL AND redeemed_by IS NOT NULL)),
    CHECK ((status = 3) = (refund_id IS NOT NULL))
);
CREATE INDEX o2o_verify_codes_of_order ON o2o_verify_codes (order_id, id);
CREATE UNIQUE INDEX o2o_verify_codes_unused ON o2o_verify_codes (verify_code) WHERE status = 1;
CREATE INDEX o2o_verify_codes_by_code ON o2o_verify_codes (verify_code);

-- The refunds of an order's unused codes, as the document answers them; refund_no is the payment
-- refund's number in orders.refunds, which carries the money.
CREATE TABLE o2o_refunds (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES o2o_orders (id),
    refund_no text NOT NULL UNIQUE,
    amount bigint NOT NULL CHECK (amount > 0),
    codes integer NOT NULL CHECK (codes > 0),
    stock_returned_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX o2o_refunds_of_order ON o2o_refunds (order_id, id);
CREATE INDEX o2o_refunds_stock_due ON o2o_refunds (id) WHERE stock_returned_at IS NULL;
ALTER TABLE o2o_verify_codes ADD FOREIGN KEY (refund_id) REFERENCES o2o_refunds (id);

-- The mini-program a trade's prepay id was made for: an order of another centre is paid in that centre's
-- mini-program, under a prepay id of its own.
ALTER TABLE trades ADD COLUMN prepay_app_id text CHECK (char_length(prepay_app_id) BETWEEN 1 AND 64);

CREATE TABLE o2o_order_history (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES o2o_orders (id),
    from_status smallint,
    to_status smallint NOT NULL,
    actor text NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 64),
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX o2o_order_history_of_order ON o2o_order_history (order_id, id);
