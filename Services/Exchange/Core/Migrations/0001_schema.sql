-- The exchange schema of the exchange service. Its tables come with the service's features.
COMMENT ON SCHEMA exchange IS 'Owned by the exchange service: coins, coin wallets with escrow, dealers and C2C orders.';
