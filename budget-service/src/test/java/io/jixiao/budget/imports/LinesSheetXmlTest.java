package io.jixiao.budget.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

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
        LinesSheetXml.rows(new FakeLines(5_000, new AtomicInteger(), new CountDownLatch(1)), "d", 2024, STYLES, out);
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
        try (LinesSheetXml.Rendering lines = LinesSheetXml.render(new FakeLines(1_000, new AtomicInteger(), new CountDownLatch(1)),
                "d", 2024, STYLES)) {
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
        DataSource broken = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                (p, m, a) -> {
                    if (m.getName().equals("getConnection")) {
                        throw new SQLException("the database is gone");
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        SQLException e = assertThrows(SQLException.class,
                () -> LinesSheetXml.rows(broken, "d", 2024, STYLES, OutputStream.nullOutputStream()));
        assertEquals("the database is gone", e.getMessage());
    }

    @Test
    @Timeout(20) // a broken hand-over hangs rather than fails
    void aClientThatGoesAwayStopsTheRendererAndItsQueryIsClosed() throws Exception {
        AtomicInteger read = new AtomicInteger();
        CountDownLatch closed = new CountDownLatch(1);
        OutputStream hangsUp = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 200_000) {
                    throw new IOException("connection reset by peer");
                }
            }
        };
        assertThrows(IOException.class,
                () -> LinesSheetXml.rows(new FakeLines(10_000_000, read, closed), "d", 2024, STYLES, hangsUp));
        // the rows are read inside the connection's block, so once it is closed the count is final
        assertTrue(closed.await(10, TimeUnit.SECONDS), "the renderer closed its connection");
        assertTrue(read.get() < 1_000_000, read.get() + " of 10,000,000 rows read for a client that left after 200 KB");
    }

    /** A data source whose one query yields {@code n} lines of 12.34 元, counting the rows read, and says when it closes. */
    static final class FakeLines implements DataSource {
        private final int n;
        private final AtomicInteger read;
        private final CountDownLatch closed;

        FakeLines(int n, AtomicInteger read, CountDownLatch closed) {
            this.n = n;
            this.read = read;
            this.closed = closed;
        }

        @Override
        public Connection getConnection() {
            ResultSet rs = fake(ResultSet.class, (m, a) -> switch (m) {
                case "next" -> read.incrementAndGet() <= n;
                case "getInt" -> 45000;
                case "getString" -> (int) a[0] == 2 ? "项目 A" : (int) a[0] == 3 ? "30201" : (int) a[0] == 4 ? "OWN" : "办公费";
                case "getBigDecimal" -> new BigDecimal("12.34");
                default -> null;
            });
            PreparedStatement ps = fake(PreparedStatement.class, (m, a) -> m.equals("executeQuery") ? rs : null);
            return fake(Connection.class, (m, a) -> {
                if (m.equals("close")) {
                    closed.countDown();
                }
                return m.equals("prepareStatement") ? ps : null;
            });
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return null;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }

        interface Answer {
            Object answer(String method, Object[] args);
        }

        static <T> T fake(Class<T> type, Answer answer) {
            return type.cast(Proxy.newProxyInstance(LinesSheetXmlTest.class.getClassLoader(), new Class<?>[] { type },
                    (p, m, a) -> answer.answer(m.getName(), a)));
        }
    }
}
