-- The sweep that completes refunded train orders looks only at orders under refund review; without this
-- index it read the whole table every few seconds.
CREATE INDEX train_orders_refund_review ON train_orders (id) WHERE status = 'returned_audit';
