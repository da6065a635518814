-- The orders schema of the orders service. Its tables come with the service's features.
COMMENT ON SCHEMA orders IS 'Owned by the orders service: train-ticket orders, O2O and points-mall orders, cart, payments, refunds, recharges.';
