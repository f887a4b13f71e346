-- The score card read as the API answers it, written by every rescoring (one row per language), so
-- GET /api/v1/evaluations/{d}/{y} is one primary-key lookup with its ETag instead of parsing and
-- re-serialising the card and every indicator's explanation per request.
CREATE TABLE evaluation_document (
    department_id text        NOT NULL,
    fiscal_year   integer     NOT NULL,
    lang          text        NOT NULL CHECK (lang IN ('zh', 'en')),
    revision      bigint      NOT NULL,
    etag          text        NOT NULL,
    body          text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (department_id, fiscal_year, lang)
);
