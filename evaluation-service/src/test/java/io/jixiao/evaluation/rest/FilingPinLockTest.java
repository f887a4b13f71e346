package io.jixiao.evaluation.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.domain.FilingPin;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.Tier2;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.LockModeType;

/**
 * The lock row as committed when the lock is taken, even after the transaction asked whether the year is
 * pinned: the rescoring after a template change asks first, then locks and bumps the revision. Had the question
 * loaded the row, the lock would keep the state read before and the bump would overwrite a newer revision.
 */
@Tier2
@QuarkusTest
class FilingPinLockTest {

    static final int YEAR = 2047; // a year no other test of this JVM writes

    @Test
    void askingWhetherPinnedDoesNotMakeTheLockedRowStale() throws Exception {
        BudgetSheetCopy.Key key = new BudgetSheetCopy.Key(TestTokens.SAMPLE_DEPT, YEAR);
        QuarkusTransaction.requiringNew().run(() -> FilingPin.lock(key).revision = 1);

        long locked = QuarkusTransaction.requiringNew().call(() -> {
            assertFalse(FilingPin.isPinned(key.departmentId(), YEAR));
            // another transaction commits revision 2 before this one takes the lock
            QuarkusTransaction.requiringNew().run(() -> FilingPin.<FilingPin>findById(key, LockModeType.PESSIMISTIC_WRITE).revision = 2);
            return FilingPin.lock(key).revision;
        });
        assertEquals(2L, locked, "the row as committed when the lock was taken");
    }
}
