-- Notices (with the dialog notice of system.init) and messages, each with per-user read state.

CREATE TABLE notices (
    id bigserial PRIMARY KEY,
    title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
    summary text NOT NULL DEFAULT '' CHECK (char_length(summary) <= 500),
    body text NOT NULL DEFAULT '' CHECK (char_length(body) <= 100000),
    -- Shown as the dialog of system.init while it is the newest such notice on show.
    is_dialog boolean NOT NULL DEFAULT false,
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
    starts_at timestamptz,
    ends_at timestamptz,
    published_at timestamptz,
    -- Moves on every publication or edit of a published notice, so the app shows its dialog again.
    edition_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at),
    CHECK (status <> 'published' OR published_at IS NOT NULL)
);
CREATE INDEX notices_shown ON notices (published_at DESC, id DESC) WHERE status = 'published';

CREATE TABLE notice_reads (
    account_id bigint NOT NULL,
    notice_id bigint NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
    read_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, notice_id)
);

CREATE TABLE messages (
    id bigserial PRIMARY KEY,
    -- The receiving account; NULL sends the message to everyone.
    account_id bigint,
    -- 1 system, 2 welfare (the yaf document's msg_type); type_ref_id names the welfare.
    msg_type smallint NOT NULL DEFAULT 1 CHECK (msg_type IN (1, 2)),
    type_ref_id bigint NOT NULL DEFAULT 0 CHECK (type_ref_id >= 0),
    title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
    content text NOT NULL DEFAULT '' CHECK (char_length(content) <= 5000),
    url text NOT NULL DEFAULT '' CHECK (char_length(url) <= 500),
    status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'withdrawn')),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_for_account ON messages (account_id, id DESC) WHERE status = 'published';

CREATE TABLE message_reads (
    account_id bigint NOT NULL,
    message_id bigint NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    read_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, message_id)
);
