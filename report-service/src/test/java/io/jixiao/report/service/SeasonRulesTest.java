package io.jixiao.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.jixiao.report.service.SeasonRules.Progress;

class SeasonRulesTest {

    static final LocalDate DEADLINE = LocalDate.of(2021, 4, 30);

    @Test
    void theDeadlineDayIsStillOnTimeAndTheNextDayIsOverdue() {
        assertEquals(Progress.NOT_STARTED, SeasonRules.progress(null, false, DEADLINE, DEADLINE));
        assertEquals(Progress.IN_PROGRESS, SeasonRules.progress(null, true, DEADLINE, DEADLINE));
        assertEquals(Progress.OVERDUE, SeasonRules.progress(null, true, DEADLINE.plusDays(1), DEADLINE));
        assertTrue(SeasonRules.submitAllowed(null, DEADLINE, DEADLINE));
        assertFalse(SeasonRules.submitAllowed(null, DEADLINE.plusDays(1), DEADLINE));
    }

    @Test
    void filedDepartmentsAreNeverOverdueAndAReturnedOneMayResubmitLate() {
        LocalDate late = DEADLINE.plusDays(20);
        assertEquals(Progress.SUBMITTED, SeasonRules.progress("SUBMITTING", false, late, DEADLINE));
        assertEquals(Progress.SUBMITTED, SeasonRules.progress("SUBMITTED", true, late, DEADLINE));
        assertEquals(Progress.APPROVED, SeasonRules.progress("APPROVED", true, late, DEADLINE));
        assertEquals(Progress.RETURNED, SeasonRules.progress("RETURNED", true, late, DEADLINE));
        assertTrue(SeasonRules.submitAllowed("RETURNED", late, DEADLINE));
    }

    @Test
    void anExtensionMovesTheDeadlineOnlyLater() {
        LocalDate extended = DEADLINE.plusDays(10);
        assertEquals(extended, SeasonRules.effectiveDeadline(DEADLINE, extended));
        assertEquals(DEADLINE, SeasonRules.effectiveDeadline(DEADLINE, DEADLINE.minusDays(3)));
        assertEquals(DEADLINE, SeasonRules.effectiveDeadline(DEADLINE, null));
        assertTrue(SeasonRules.submitAllowed(null, DEADLINE.plusDays(5), SeasonRules.effectiveDeadline(DEADLINE, extended)));
    }

    @Test
    void remindersAtSevenDaysAndOneDayLeft() {
        assertNull(SeasonRules.reminderDue(DEADLINE.minusDays(8), DEADLINE));
        assertEquals("DUE_7", SeasonRules.reminderDue(DEADLINE.minusDays(7), DEADLINE));
        assertEquals("DUE_7", SeasonRules.reminderDue(DEADLINE.minusDays(2), DEADLINE));
        assertEquals("DUE_1", SeasonRules.reminderDue(DEADLINE.minusDays(1), DEADLINE));
        assertEquals("DUE_1", SeasonRules.reminderDue(DEADLINE, DEADLINE));
        assertNull(SeasonRules.reminderDue(DEADLINE.plusDays(1), DEADLINE));
        assertEquals(-1, SeasonRules.daysLeft(DEADLINE.plusDays(1), DEADLINE));
    }
}
