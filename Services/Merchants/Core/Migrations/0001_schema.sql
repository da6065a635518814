-- The merchants schema of the merchants service. Its tables come with the service's features.
COMMENT ON SCHEMA merchants IS 'Owned by the merchants service: merchant categories, merchants with geo search, goods, SKUs and stock.';
