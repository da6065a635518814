-- The content schema of the content service. Its tables come with the service's features.
COMMENT ON SCHEMA content IS 'Owned by the content service: app init and upgrade, ads, links, categories, notices, messages, news, regions, files.';
