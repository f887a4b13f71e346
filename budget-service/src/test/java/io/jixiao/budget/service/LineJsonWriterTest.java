package io.jixiao.budget.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * COPY text rows (as PostgreSQL writes them) into JSON lines: COPY's escapes undone, JSON's applied, nulls,
 * the 基本支出/项目支出 distinction, amounts as exact strings. The whole export, through the database, is
 * SpendingLineExportTest's.
 */
class LineJsonWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String write(String... rows) throws Exception {
        return ExportRows.write(LineJsonWriter::new, rows);
    }

    @Test
    void aProjectLineWithEveryKindOfTextComesOutAsTheSqlBuiltIt() throws Exception {
        // what COPY TO writes for: description 'a "q" \ b<TAB>c<LF>d<CR>e' plus BEL, and a formula start
        String row = "d-1\tZFW\t区政府办\t2020\t3\t2020-04-05\t17\t档案数字化\t=印刷费\tOWN\t99999999.99\t"
                + "a \"q\" \\\\ b\\tc\\nd\\re\u0007\n";
        String line = write(row);
        assertEquals("{\"departmentId\":\"d-1\",\"departmentCode\":\"ZFW\",\"departmentName\":\"区政府办\","
                + "\"fiscalYear\":2020,\"lineNo\":3,\"paidOn\":\"2020-04-05\",\"line\":\"PROJECT\",\"projectId\":17,"
                + "\"project\":\"档案数字化\",\"economicClass\":\"=印刷费\",\"channel\":\"OWN\",\"amount\":\"99999999.99\","
                + "\"description\":\"a \\\"q\\\" \\\\ b\\tc\\nd\\re\\u0007\"}\n", line);
        JsonNode n = JSON.readTree(line);
        assertEquals("a \"q\" \\ b\tc\nd\re\u0007", n.get("description").asText());
        assertEquals("99999999.99", n.get("amount").asText());
    }

    @Test
    void nullsAndABasicLine() throws Exception {
        String line = write("d-2\t\\N\t\\N\t2021\t1\t2021-01-31\t\\N\t\\N\t办公费\tDIRECT\t0.01\t\\N\n");
        JsonNode n = JSON.readTree(line);
        assertEquals("BASIC", n.get("line").asText());
        assertTrue(n.get("projectId").isNull());
        assertTrue(n.get("project").isNull());
        assertTrue(n.get("departmentCode").isNull());
        assertTrue(n.get("description").isNull());
        assertEquals("0.01", n.get("amount").asText());
        assertEquals(2021, n.get("fiscalYear").asInt());
    }

    @Test
    void manyRowsCrossTheBufferAndEachIsOneLine() throws Exception {
        String[] rows = ExportRows.longLines(200);
        String[] lines = write(rows).split("\n");
        assertEquals(200, lines.length);
        for (int i = 0; i < lines.length; i++) {
            JsonNode n = JSON.readTree(lines[i]);
            assertEquals(i + 1, n.get("lineNo").asInt());
            assertEquals(i + ".50", n.get("amount").asText());
            assertEquals(ExportRows.LONGEST_TEXT, n.get("description").asText());
        }
    }

    @Test
    void aRowOfAnotherShapeIsAnErrorNotAWrongLine() {
        assertThrows(IllegalStateException.class, () -> write("d-1\tonly\tthree\n"));
        assertThrows(IllegalStateException.class, () -> write("a\tb\tc\td\te\tf\tg\th\ti\tj\tk\tl\tm\n"));
    }
}
