package io.jixiao.budget.service;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/**
 * The export's COPY text (also run by the benchmark driver for the export's ceiling): COPY takes no
 * parameters, so only a plain department id may be written into it; the rows themselves are checked through
 * the API by SpendingLineExportTest.
 */
class SpendingLineExportQueryTest {

    @Test
    void anythingButADepartmentIdIsRefusedBeforeItReachesTheText() {
        for (String bad : new String[] { "x' or '1'='1", "a;drop table spending_line", "", "名字", "a".repeat(65) }) {
            assertThrows(IllegalArgumentException.class, () -> SpendingLineExportQuery.copy(2024, bad, null), bad);
        }
    }

    @Test
    void oneDepartmentOrAllOfTheYearAsBareColumnsInTextFormat() {
        String one = SpendingLineExportQuery.copy(2024, "dept-7", null);
        assertTrue(one.contains("where s.fiscal_year = 2024 and s.department_id = 'dept-7'"), one);
        assertTrue(one.endsWith("order by s.department_id, s.id) to stdout"), one); // text format: CopyRowWriter
        String all = SpendingLineExportQuery.copy(2024, null, OffsetDateTime.parse("2024-03-01T08:00:00+08:00"));
        assertTrue(all.contains("f.updated_at >= '2024-03-01T08:00:00+08:00'::timestamptz\nwhere s.fiscal_year = 2024\norder by"), all);
    }
}
