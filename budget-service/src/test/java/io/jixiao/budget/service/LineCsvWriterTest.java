package io.jixiao.budget.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * COPY text rows into the bureau's CSV lines, byte for byte as PostgreSQL's CSV output with the formula guard
 * gave them. The whole export, through the database, is SpendingLineExportTest's.
 */
class LineCsvWriterTest {

    private static String write(String... rows) throws Exception {
        return ExportRows.write(LineCsvWriter::new, rows);
    }

    @Test
    void theLinesArePostgresqlsOwnCsvWithTheFormulaGuardByteForByte() throws Exception {
        // COPY's text rows of six lines, and what the former SQL export (COPY's CSV, the guard as a case and
        // regexp_replace per cell) wrote for the same values on PostgreSQL 15: plain text; a project line with
        // a null description; a comma, a line break before @ and quotes; a formula, a tab and a CR start and an
        // empty text; backslashes and a lone \. (not quoted: COPY quotes it only in a one-column COPY); CR LF
        // and CR CR inside a text.
        String[] rows = {
            "d-1\tZFW\t区政府办\t2020\t7\t2020-04-05\t\\N\t\\N\t办公费\tOWN\t1280.00\t打印纸\n",
            "d-1\tZFW\t区政府办\t2020\t7\t2020-04-05\t17\t档案数字化\t印刷费\tDIRECT\t1280.00\t\\N\n",
            "d-1\tZFW\t区政府办\t2020\t7\t2020-04-05\t\\N\t\\N\t办公费\tOWN\t1280.00\t第一行,逗号\\n@第二行 \"引号\"\n",
            "d-1\tZFW\t=HYPERLINK(\"x\")\t2020\t7\t2020-04-05\t3\t\\t+1\t\\r-2\tOWN\t1280.00\t\n",
            "d-1\tZFW\ta\\\\b\t2020\t7\t2020-04-05\t\\N\t\\N\t\\\\.\tOWN\t1280.00\t-\n",
            "d-1\t-7\t名\t2020\t7\t2020-04-05\t\\N\t\\N\t差旅费\tOWN\t1280.00\tx\\r\\n=y\\r\\r+z\n" };
        assertEquals("ZFW,区政府办,2020,7,2020-04-05,基本支出,,办公费,单位自有,1280.00,打印纸\n"
                + "ZFW,区政府办,2020,7,2020-04-05,项目支出,档案数字化,印刷费,财政直接支付,1280.00,\n"
                + "ZFW,区政府办,2020,7,2020-04-05,基本支出,,办公费,单位自有,1280.00,\"第一行,逗号\n'@第二行 \"\"引号\"\"\"\n"
                + "ZFW,\"'=HYPERLINK(\"\"x\"\")\",2020,7,2020-04-05,项目支出,'\t+1,\"'\r'-2\",单位自有,1280.00,\"\"\n"
                + "ZFW,a\\b,2020,7,2020-04-05,基本支出,,\\.,单位自有,1280.00,'-\n"
                + "-7,名,2020,7,2020-04-05,基本支出,,差旅费,单位自有,1280.00,\"x\r\n'=y\r'\r'+z\"\n", write(rows));
    }

    @Test
    void theCodeIsNotGuardedAndManyRowsCrossTheBufferOneLineEach() throws Exception {
        String[] rows = ExportRows.longLines(300);
        String[] lines = write(rows).split("\n");
        assertEquals(300, lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertEquals("-7,名,2022," + (i + 1) + ",2022-02-02,基本支出,,差旅费,单位自有," + i + ".50," + ExportRows.LONGEST_TEXT,
                    lines[i]);
        }
    }

    @Test
    void aRowOfAnotherShapeIsAnErrorNotAWrongLine() {
        assertThrows(IllegalStateException.class, () -> write("d-1\tonly\tthree\n"));
    }
}
