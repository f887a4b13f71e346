-- 全区汇总: each department-year's summary row (status, score, totals, rates, main findings) as the
-- API answers it, written whenever its sheet, score, narrative or filing changes, so a page of the
-- summary is one indexed range read instead of assembling and checking every report per request.
CREATE TABLE summary_row (
    department_id   varchar(64) NOT NULL,
    fiscal_year     integer     NOT NULL,
    department_code text        NOT NULL,
    status          text        NOT NULL,
    changed_at      timestamptz NOT NULL, -- the latest of figures, score and filing step (updatedSince)
    revision        bigint      NOT NULL,
    etag            text        NOT NULL,
    body            text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (department_id, fiscal_year)
);
CREATE INDEX summary_row_page ON summary_row (fiscal_year, department_code, department_id);
