-- The mobile mall's cart (document 004, section 6): one line per account and product. `goods_id` and
-- `product_id` are the merchants service's goods item and product (the document's `proId` and
-- `proSkuId`); the product's name, price and stock stay there and are read when the cart is shown.
-- Saving a product that already has a line adds to that line, in one statement
-- (`INSERT … ON CONFLICT (account_id, product_id) DO UPDATE`), so concurrent saves never make two lines.
CREATE TABLE cart_lines (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL CHECK (account_id > 0),
    goods_id bigint NOT NULL CHECK (goods_id > 0),
    product_id bigint NOT NULL CHECK (product_id > 0),
    quantity integer NOT NULL CONSTRAINT cart_lines_quantity_positive CHECK (quantity >= 1 AND quantity <= 10000),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cart_lines_one_per_product UNIQUE (account_id, product_id)
);
