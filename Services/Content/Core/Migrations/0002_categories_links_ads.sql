-- Categories (article, link and goods types), friendly links and ads.

CREATE TABLE categories (
    id bigserial PRIMARY KEY,
    -- 1 article, 2 link, 3 goods (the yaf document's cat_type).
    cat_type smallint NOT NULL CHECK (cat_type IN (1, 2, 3)),
    parent_id bigint REFERENCES categories (id),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
    -- 30 digits, three per level ("100", "101" …), zeros after the category's own level.
    cat_code text NOT NULL UNIQUE CHECK (cat_code ~ '^[1-9][0-9]{2}([0-9]{3}){9}$'),
    sort_order integer NOT NULL DEFAULT 0 CHECK (sort_order BETWEEN 0 AND 9999),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX categories_parent ON categories (cat_type, parent_id, sort_order, id);

-- draft: being written; published: shown (inside its window, where it has one); withdrawn: taken down.
CREATE TABLE links (
    id bigserial PRIMARY KEY,
    cat_id bigint NOT NULL REFERENCES categories (id),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    url text NOT NULL CHECK (char_length(url) BETWEEN 1 AND 500),
    image_url text NOT NULL DEFAULT '' CHECK (char_length(image_url) <= 500),
    sort_order integer NOT NULL DEFAULT 0 CHECK (sort_order BETWEEN 0 AND 9999),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX links_shown ON links (cat_id, sort_order, id) WHERE status = 'published';

CREATE TABLE ads (
    id bigserial PRIMARY KEY,
    position_code text NOT NULL CHECK (position_code ~ '^[A-Za-z0-9_.-]{1,50}$'),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    image_url text NOT NULL CHECK (char_length(image_url) BETWEEN 1 AND 500),
    target_url text NOT NULL DEFAULT '' CHECK (char_length(target_url) <= 500),
    sort_order integer NOT NULL DEFAULT 0 CHECK (sort_order BETWEEN 0 AND 9999),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
    starts_at timestamptz,
    ends_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX ads_shown ON ads (position_code, sort_order, id) WHERE status = 'published';
