-- 全区汇总 rows waiting for a refresh after an event changed their inputs (a new sheet or score). A
-- refresh assembles and checks the whole report, so event-driven ones are coalesced: the consumer only
-- marks the department-year here, in its own transaction, and SummaryRefresher refreshes it shortly
-- after, once however many events arrived meanwhile. A row outlives a crash: it is picked up at the
-- next start or tick, by any instance.
CREATE TABLE summary_pending (
    department_id varchar(64) NOT NULL,
    fiscal_year   integer     NOT NULL,
    requested_at  timestamptz NOT NULL,
    PRIMARY KEY (department_id, fiscal_year)
);
