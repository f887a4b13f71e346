package io.jixiao.budget.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.jixiao.budget.domain.ImportJob;

/** The job's percent: one pass over the file, so the rows read of the rows in it, whatever the phase. */
class ImportJobResponseTest {

    @Test
    void thePercentIsTheShareOfRowsReadAndReaches100OnlyWhenTheJobEnds() {
        assertEquals(0, ImportJobResponse.percent(job(ImportJob.State.QUEUED, null, 0, null)));
        assertEquals(0, ImportJobResponse.percent(job(ImportJob.State.RUNNING, ImportJob.Phase.VALIDATING, 0, null)));
        assertEquals(1, ImportJobResponse.percent(job(ImportJob.State.RUNNING, ImportJob.Phase.VALIDATING, 1200, 100_000)));
        assertEquals(42, ImportJobResponse.percent(job(ImportJob.State.RUNNING, ImportJob.Phase.SAVING, 42_000, 100_000)));
        assertEquals(99, ImportJobResponse.percent(job(ImportJob.State.RUNNING, ImportJob.Phase.SAVING, 100_000, 100_000)),
                "every row read, the transaction not yet committed");
        assertEquals(99, ImportJobResponse.percent(job(ImportJob.State.RUNNING, ImportJob.Phase.SAVING, 120, 100)),
                "a CSV's estimate counts a quoted line break twice");
        assertEquals(100, ImportJobResponse.percent(job(ImportJob.State.SUCCEEDED, ImportJob.Phase.SAVING, 100, 100)));
        assertEquals(100, ImportJobResponse.percent(job(ImportJob.State.FAILED, ImportJob.Phase.SAVING, 7, 100)));
    }

    private static ImportJob job(ImportJob.State state, ImportJob.Phase phase, int processed, Integer total) {
        ImportJob j = new ImportJob();
        j.state = state;
        j.phase = phase;
        j.processedRows = processed;
        j.totalRows = total;
        return j;
    }
}
