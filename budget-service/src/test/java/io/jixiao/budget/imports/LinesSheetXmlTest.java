package io.jixiao.budget.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The two threads of an export (rows rendered on one, written on the other): every row arrives, in order,
 * and they end together whichever fails.
 * The database is a fake here (a result set of generated rows): what is tested is the hand-over.
 */
class LinesSheetXmlTest {

    static final LinesSheetXml.Styles STYLES = new LinesSheetXml.Styles(1, 2, 3, 4);

    @Test
    @Timeout(20) // a broken hand-over hangs rather than fails
    void everyRenderedRowArrivesInOrderWithTheTotalLast() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LinesSheetXml.rows(lines(5_000, new AtomicInteger(), new CountDownLatch(1)), STYLES, out);
        String xml = out.toString(StandardCharsets.UTF_8);
        int previous = -1;
        for (int r = 2; r <= 5_001; r++) {
            int at = xml.indexOf("<row r=\"" + r + "\">", previous);
            assertTrue(at > previous, "row " + r + " after row " + (r - 1));
            previous = at;
        }
        // 5,000 lines of 12.34 元, then the 合计 row as the last one
        assertTrue(xml.endsWith("<c r=\"F5002\" s=\"4\"><v>61700.00</v></c></row>"), xml.substring(xml.length() - 200));
    }

    @Test
    @Timeout(20) // a broken hand-over hangs rather than fails
    void theRepeatingTextsAreSharedStringsListedOnceEach() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] shared;
        try (LinesSheetXml.Rendering lines = LinesSheetXml.render(lines(1_000, new AtomicInteger(), new CountDownLatch(1)), STYLES)) {
            lines.writeTo(out);
            shared = lines.sharedStringsPart();
        }
        String xml = out.toString(StandardCharsets.UTF_8);
        assertTrue(xml.contains("<row r=\"1001\"><c r=\"A1001\"><v>1000</v></c><c r=\"B1001\" s=\"1\"><v>45000</v></c>"
                + "<c r=\"C1001\" t=\"s\"><v>0</v></c><c r=\"D1001\" t=\"s\"><v>1</v></c><c r=\"E1001\" t=\"s\"><v>2</v></c>"
                + "<c r=\"F1001\" s=\"2\"><v>12.34</v></c><c r=\"G1001\" t=\"inlineStr\"><is><t>办公费</t></is></c></row>"), xml);
        assertTrue(new String(shared, StandardCharsets.UTF_8).endsWith("count=\"3000\" uniqueCount=\"3\">"
                + "<si><t>项目 A</t></si><si><t>30201</t></si><si><t>" + ImportLayout.CHANNEL_OWN + "</t></si></sst>"));
    }

    @Test
    @Timeout(20) // a broken hand-over hangs rather than fails
    void aFailingQueryFailsTheExportInsteadOfHangingIt() {
        LinesSheetXml.RowSource broken = () -> {
            throw new SQLException("the database is gone");
        };
        SQLException e = assertThrows(SQLException.class,
                () -> LinesSheetXml.rows(broken, STYLES, OutputStream.nullOutputStream()));
        assertEquals("the database is gone", e.getMessage());
    }

    @Test
    @Timeout(20) // a broken hand-over hangs rather than fails
    void aClientThatGoesAwayStopsTheRendererAndItsQueryIsClosed() throws Exception {
        AtomicInteger read = new AtomicInteger();
        CountDownLatch closed = new CountDownLatch(1);
        OutputStream hangsUp = hangsUpAfter(200_000);
        assertThrows(IOException.class,
                () -> LinesSheetXml.rows(lines(10_000_000, read, closed), STYLES, hangsUp));
        // the renderer reads rows only while its source is open, so once it is closed the count is final
        assertTrue(closed.await(10, TimeUnit.SECONDS), "the renderer closed its COPY");
        assertTrue(read.get() < 1_000_000, read.get() + " of 10,000,000 rows read for a client that left after 200 KB");
    }

    @Test
    @Timeout(20) // a broken hand-over hangs rather than fails
    void escapesNullsAndTheBasicLineAreRenderedFromTheCopyText() throws Exception {
        byte[][] rows = {
            ascii("45000\t\\N\t30201\tDIRECT\t0.05\t第\\t一\\\\笔 <急>\n"),
            ascii("45001\t项目\\tB\t30201\tOWN\t1.00\t\\N\n"),
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] shared;
        try (LinesSheetXml.Rendering lines = LinesSheetXml.render(source(rows), STYLES)) {
            lines.writeTo(out);
            shared = lines.sharedStringsPart();
        }
        assertEquals("<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>45000</v></c>"
                + "<c r=\"C2\" t=\"s\"><v>0</v></c><c r=\"D2\" t=\"s\"><v>1</v></c><c r=\"E2\" t=\"s\"><v>2</v></c>"
                + "<c r=\"F2\" s=\"2\"><v>0.05</v></c><c r=\"G2\" t=\"inlineStr\"><is><t>第\t一\\笔 &lt;急&gt;</t></is></c></row>"
                + "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\" s=\"1\"><v>45001</v></c>"
                + "<c r=\"C3\" t=\"s\"><v>3</v></c><c r=\"D3\" t=\"s\"><v>1</v></c><c r=\"E3\" t=\"s\"><v>4</v></c>"
                + "<c r=\"F3\" s=\"2\"><v>1.00</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" s=\"3\" t=\"inlineStr\"><is><t>合计</t></is></c>"
                + "<c r=\"C4\" s=\"3\" t=\"inlineStr\"><is><t>2 条</t></is></c><c r=\"F4\" s=\"4\"><v>1.05</v></c></row>",
                out.toString(StandardCharsets.UTF_8));
        assertTrue(new String(shared, StandardCharsets.UTF_8).endsWith("count=\"6\" uniqueCount=\"5\"><si><t>"
                + ImportLayout.BASIC_LINE + "</t></si><si><t>30201</t></si><si><t>" + ImportLayout.CHANNEL_DIRECT
                + "</t></si><si><t>项目\tB</t></si><si><t>" + ImportLayout.CHANNEL_OWN + "</t></si></sst>"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefused() {
        CopyTextRow row = new CopyTextRow(3);
        row.read(ascii("a\tb\tc\n"));
        assertEquals(1, row.length(2));
        assertThrows(IllegalStateException.class, () -> row.read(ascii("a\tb\n")));
        assertThrows(IllegalStateException.class, () -> row.read(ascii("a\tb\tc\td\n")));
    }

    /** A client that goes away once it has been sent more than {@code bytes}. */
    static OutputStream hangsUpAfter(long bytes) {
        return new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > bytes) {
                    throw new IOException("connection reset by peer");
                }
            }
        };
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The given COPY rows, once. */
    static LinesSheetXml.RowSource source(byte[]... rows) {
        AtomicInteger next = new AtomicInteger();
        return () -> new LinesSheetXml.CopyRows() {
            @Override
            public byte[] next() {
                int i = next.getAndIncrement();
                return i < rows.length ? rows[i] : null;
            }

            @Override
            public void close() {
            }
        };
    }

    /** {@code n} COPY rows of a 12.34 元 line, counting the rows read, saying when the source is closed. */
    static LinesSheetXml.RowSource lines(int n, AtomicInteger read, CountDownLatch closed) {
        byte[] row = ascii("45000\t项目 A\t30201\tOWN\t12.34\t办公费\n");
        return () -> new LinesSheetXml.CopyRows() {
            @Override
            public byte[] next() {
                return read.incrementAndGet() <= n ? row : null;
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
    }
}
