-- News articles, each in an article category.

CREATE TABLE news (
    id bigserial PRIMARY KEY,
    cat_id bigint NOT NULL REFERENCES categories (id),
    title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    intro text NOT NULL DEFAULT '' CHECK (char_length(intro) <= 1000),
    image_url text NOT NULL DEFAULT '' CHECK (char_length(image_url) <= 500),
    source text NOT NULL DEFAULT '' CHECK (char_length(source) <= 100),
    content text NOT NULL DEFAULT '' CHECK (char_length(content) <= 200000),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
    published_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'published' OR published_at IS NOT NULL)
);
CREATE INDEX news_shown ON news (published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX news_shown_by_category ON news (cat_id, published_at DESC, id DESC) WHERE status = 'published';
