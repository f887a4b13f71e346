package io.jixiao.evaluation.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.service.ScoringService;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.Tier2;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A rescoring reads the copy as committed when it got the lock, not as its transaction saw it before: a
 * self-score that read the copy, then waited for the lock while a budget event committed a newer revision,
 * scored the older figures after the newer ones (its evaluation revision then never reached report-service's
 * read model, and a submission confirmed at it stayed SUBMITTING; the fault suite's submitrace found it).
 */
@Tier2
@QuarkusTest
class LockedCopyTest {

    static final int YEAR = 2048; // a year no other test of this JVM writes

    @Inject
    ScoringService scoring;

    @Test
    void theLockedCopyIsTheOneCommittedMeanwhile() throws Exception {
        String dept = TestTokens.SAMPLE_DEPT;
        EvaluationDocumentTest.publish(YEAR, 1, "6900000.00");
        EvaluationDocumentTest.await(TestTokens.department(dept), YEAR, 1);
        BudgetSheetCopy.Key key = new BudgetSheetCopy.Key(dept, YEAR);

        long locked = QuarkusTransaction.requiringNew().call(() -> {
            assertEquals(1L, BudgetSheetCopy.<BudgetSheetCopy>findById(key).revision, "this transaction read revision 1");
            // another transaction commits revision 2 before this one asks for the lock
            QuarkusTransaction.requiringNew().run(() -> {
                BudgetSheetCopy newer = BudgetSheetCopy.findById(key, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                newer.revision = 2;
            });
            return scoring.lockedCopy(key).revision;
        });
        assertEquals(2L, locked, "the copy as committed when the lock was taken");
    }
}
