package io.jixiao.budget.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.budget.domain.Limits;
import io.jixiao.budget.messaging.BudgetFiguresChangedV1;

/**
 * The BudgetFiguresChanged event carries the whole year; with every list and text at its bound (and
 * every character a 3-byte 汉字, amounts at 15 digits) it must still fit the outbox's default
 * max-event-bytes, so no save that passes validation can produce an event the stream refuses.
 */
class BudgetSheetSizeTest {

    static final int DEFAULT_MAX_EVENT_BYTES = 921_600; // OutboxConfig.maxEventBytes
    static final String AMOUNT = "-999999999999999.99";

    static String han(int n) {
        return "预".repeat(n);
    }

    @Test
    void theLargestValidYearFitsInOneEvent() throws Exception {
        BudgetSheet sheet = largestValidYear();
        String payload = new ObjectMapper().writeValueAsString(
                BudgetFiguresChangedV1.of(Long.MAX_VALUE, "varianceReasons", sheet));
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length + 1_000; // + the envelope's own fields
        assertTrue(bytes < DEFAULT_MAX_EVENT_BYTES, "largest valid year: " + bytes + " bytes");
    }

    /**
     * v1 on the wire carries today exactly what the sheet holds. A field added to BudgetSheet fails here:
     * add it to BudgetFiguresChangedV1 and its schema deliberately (or start a v2).
     */
    @Test
    void theWireFormCarriesEveryFieldOfTheSheet() {
        ObjectMapper mapper = new ObjectMapper();
        BudgetSheet sheet = largestValidYear();
        assertEquals(mapper.valueToTree(sheet), mapper.valueToTree(BudgetFiguresChangedV1.of(1, "basic_expenditure", sheet).sheet()));
    }

    static BudgetSheet largestValidYear() {
        List<BudgetSheet.Project> projects = new ArrayList<>();
        List<BudgetSheet.ReasonCheck> checks = new ArrayList<>();
        List<BudgetSheet.SpendingCheck> spending = new ArrayList<>();
        for (long i = 0; i < Limits.PROJECTS; i++) {
            projects.add(new BudgetSheet.Project(Long.MAX_VALUE - i, han(Limits.PROJECT_NAME), AMOUNT, AMOUNT,
                    han(Limits.ADJUSTMENT_REASON), AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, "99999.99", true, Long.MAX_VALUE));
            checks.add(new BudgetSheet.ReasonCheck("PROJECT", Long.MAX_VALUE, AMOUNT, AMOUNT, AMOUNT, false));
            spending.add(new BudgetSheet.SpendingCheck("PROJECT", Long.MAX_VALUE, Integer.MAX_VALUE, AMOUNT, AMOUNT,
                    AMOUNT, AMOUNT, AMOUNT, false));
        }
        List<BudgetSheet.Reason> reasons = new ArrayList<>();
        for (int i = 0; i < Limits.REASONS; i++) {
            reasons.add(new BudgetSheet.Reason(Long.MAX_VALUE, "PROJECT", Long.MAX_VALUE, AMOUNT, han(Limits.REASON)));
        }
        BudgetSheet sheet = new BudgetSheet("d0000000-0000-4000-8000-000000000001", 2020, Long.MAX_VALUE, true,
                new BudgetSheet.Profile("9".repeat(64), han(Limits.NAME), han(100),
                        Collections.nCopies(Limits.DUTIES, han(Limits.DUTY)),
                        Collections.nCopies(Limits.DIVISIONS, han(Limits.DIVISION))),
                new BudgetSheet.Staffing(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                        Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 1L),
                new BudgetSheet.Basic(AMOUNT, AMOUNT, AMOUNT, "99999.99", AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, 1L),
                projects,
                new BudgetSheet.ProjectTotals(Limits.PROJECTS, AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT,
                        "99999.99", AMOUNT, "100.00"),
                new BudgetSheet.ThreePublic(AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, 1L),
                new BudgetSheet.Pair(AMOUNT, AMOUNT), new BudgetSheet.Pair(AMOUNT, AMOUNT),
                new BudgetSheet.Assets(AMOUNT, AMOUNT, "100.00"), Collections.nCopies(12, AMOUNT), reasons, checks,
                new BudgetSheet.Spending(Integer.MAX_VALUE, AMOUNT, spending, java.util.Collections.nCopies(12, AMOUNT)));
        return sheet;
    }
}
