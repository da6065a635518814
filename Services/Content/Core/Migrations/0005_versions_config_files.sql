-- App versions per platform and channel, app configuration keys, stored files, and the record of
-- the demo content seeded on first start.

CREATE TABLE app_versions (
    id bigserial PRIMARY KEY,
    -- 1 iOS, 2 Android (the yaf document's platform values that install apps).
    platform smallint NOT NULL CHECK (platform IN (1, 2)),
    -- '' applies to every channel; a channel's own row wins over it.
    channel text NOT NULL DEFAULT '' CHECK (channel ~ '^[A-Za-z0-9_.-]{0,50}$'),
    app_v text NOT NULL CHECK (app_v ~ '^[0-9]{1,9}(\.[0-9]{1,9}){0,3}$'),
    title text NOT NULL DEFAULT '' CHECK (char_length(title) <= 100),
    description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
    download_url text NOT NULL DEFAULT '' CHECK (char_length(download_url) <= 500),
    -- What clients older than this version do: 1 may upgrade, 2 must upgrade, 3 the app is closed.
    upgrade_way smallint NOT NULL CHECK (upgrade_way IN (1, 2, 3)),
    dialog_repeat boolean NOT NULL DEFAULT false,
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (platform, channel, app_v)
);

CREATE TABLE app_config (
    key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_.]{0,63}$'),
    -- json, not jsonb: the text is kept as written, so objects keep their key order.
    value json NOT NULL,
    description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 200),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per distinct content (named by its SHA-256); the bytes live in the files folder.
CREATE TABLE files (
    id bigserial PRIMARY KEY,
    sha256 text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp')),
    extension text NOT NULL CHECK (extension IN ('jpg', 'png', 'gif', 'webp')),
    size integer NOT NULL CHECK (size > 0),
    purpose text NOT NULL CHECK (purpose ~ '^[a-z_]{1,32}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Idempotency keys of files.store calls: a retry answers the same file, another content is refused.
CREATE TABLE file_store_keys (
    idempotency_key text PRIMARY KEY CHECK (char_length(idempotency_key) BETWEEN 1 AND 200),
    file_id bigint NOT NULL REFERENCES files (id),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE seed_runs (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
