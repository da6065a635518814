-- The users schema of the user service. Its tables come with the service's features.
COMMENT ON SCHEMA users IS 'Owned by the user service: profiles, passengers, delivery addresses, payment methods, wallet and points ledger.';
