-- The department-year's sheet as GET /api/v1/budgets/{d}/{y} answers it, written in the transaction of
-- every change (the same sheet the BudgetFiguresChanged event carries), so a read is one primary-key
-- lookup with the ETag of the body, and never a group-by over the year's 支出明细.
CREATE TABLE sheet_document (
    department_id text        NOT NULL,
    fiscal_year   integer     NOT NULL,
    revision      bigint      NOT NULL,
    etag          text        NOT NULL,
    body          text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (department_id, fiscal_year)
);
