package io.jixiao.budget.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The rows of the year workbook's 支出明细 sheet, written as sheet XML straight from the database into
 * the workbook's ZIP. POI's streaming writer spent about 700 ms on 100,000 lines (a cell object per
 * value, a style, a reference and an inline string per cell, and a temporary copy of the whole sheet
 * read back into the ZIP) where deflating the finished XML takes about 100 ms. POI still writes the
 * rest of the workbook, this sheet with its header row only; {@link #splice} copies that workbook's
 * parts as they are and streams these rows into the sheet's part in front of its {@code </sheetData>}.
 * The cells are the ones POI writes (number, date, text, amount with the styles POI assigned), except
 * that the repeating texts (project, class, channel) are shared strings, as Excel saves them; the file
 * reads the same in Excel, in POI and in our own importer.
 *
 * <p>Reading the rows and writing their XML runs on a thread of its own, beside the request's thread,
 * which deflates the blocks it hands over and sends them: on 2 cores the two halves overlap instead of
 * taking turns.
 */
final class LinesSheetXml {

    /** Days from Excel's day 0 (1899-12-30, after its 1900 leap-year slip) to a date: the date's serial number. */
    private static final String SQL = """
            select l.paid_on - date '1899-12-30', p.name, l.economic_class, l.channel, l.amount, l.description
            from spending_line l left join project p on p.id = l.project_id
            where l.department_id = ? and l.fiscal_year = ? order by l.id""";

    /** Indexes in the workbook's cell styles (POI's CellStyle.getIndex()) of the styles the rows use. */
    record Styles(int date, int money, int label, int moneyBold) {
    }

    /** Renders the lines of exports in progress; a thread per export, gone a minute after its last one. */
    private static final ExecutorService RENDERERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "xlsx-lines");
        t.setDaemon(true);
        return t;
    });
    /**
     * Rendered XML waiting to be deflated: at most this many blocks of about 60 KB (3.8 MB) per export. The
     * renderer starts while POI still writes the other sheets, and gets this far ahead meanwhile.
     */
    private static final int BLOCKS_AHEAD = 64;
    private static final byte[] END = new byte[0];
    /** Bytes of XML per block handed over. */
    private static final int BLOCK = 60 * 1024;
    /** The workbook's shared-strings part, as POI names it. */
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    private LinesSheetXml() {
    }

    /**
     * Copies the workbook POI wrote, every part unchanged (not compressed again) except two: the sheet part
     * {@code sheetPart}, whose header-only XML gets the department-year's lines (and their 合计 row) before
     * its {@code </sheetData>}, and the shared strings, which POI left empty (its streaming sheets write
     * their text inline) and which become the lines' table, written last, once every line is rendered.
     */
    static void splice(Path workbook, String sheetPart, Rendering lines, int expectedLines, OutputStream target)
            throws IOException, SQLException {
        try (ZipFile zip = ZipFile.builder().setPath(workbook).get();
                ZipArchiveOutputStream out = new ZipArchiveOutputStream(target)) {
            out.setLevel(java.util.zip.Deflater.BEST_SPEED); // at 100,000 lines the default level doubles the time
            boolean sharedStrings = false;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (entry.getName().equals(SHARED_STRINGS)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("<si>")) {
                            throw new IllegalStateException("the workbook has shared strings of its own");
                        }
                    }
                    sharedStrings = true;
                    continue;
                }
                if (!entry.getName().equals(sheetPart)) {
                    try (InputStream raw = zip.getRawInputStream(entry)) {
                        out.addRawArchiveEntry(entry, raw);
                    }
                    continue;
                }
                String xml;
                try (InputStream in = zip.getInputStream(entry)) {
                    xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                int end = xml.indexOf("</sheetData>");
                if (end < 0) {
                    throw new IllegalStateException("no sheetData in " + sheetPart);
                }
                out.putArchiveEntry(new ZipArchiveEntry(sheetPart));
                // the header-only sheet says it ends at row 1; an import of this file estimates its progress from
                // the dimension, so it gets the lines' count as the year's sums have it (a hint, not a promise)
                int lastRow = expectedLines == 0 ? 1 : expectedLines + 2;
                out.write(xml.substring(0, end).replaceFirst("<dimension ref=\"[A-Z0-9:]*\"/>",
                        "<dimension ref=\"A1:G" + lastRow + "\"/>").getBytes(StandardCharsets.UTF_8));
                lines.writeTo(out);
                out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
            if (!sharedStrings) {
                // the part is named in the content types and the workbook's relationships POI wrote
                throw new IllegalStateException("the workbook has no " + SHARED_STRINGS);
            }
            out.putArchiveEntry(new ZipArchiveEntry(SHARED_STRINGS));
            out.write(lines.sharedStringsPart());
            out.closeArchiveEntry();
        }
    }

    /** Renders a department-year's lines from now on, for {@link #splice} to write; closing it stops the renderer. */
    static Rendering render(DataSource dataSource, String departmentId, int fiscalYear, Styles st) {
        BlockingQueue<byte[]> blocks = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
        return new Rendering(blocks, RENDERERS.submit(() -> render(dataSource, departmentId, fiscalYear, st, blocks)));
    }

    /** Renders the lines and writes them into {@code out} (the tests' way in; an export starts the rendering earlier). */
    static void rows(DataSource dataSource, String departmentId, int fiscalYear, Styles st, OutputStream out)
            throws SQLException, IOException {
        try (Rendering lines = render(dataSource, departmentId, fiscalYear, st)) {
            lines.writeTo(out);
        }
    }

    /**
     * The lines from row 2 on, then their 合计 row, being rendered on a thread of {@link #RENDERERS}. A failure
     * on either side ends both: the renderer's is thrown by {@link #writeTo}, and when writing fails (the
     * client went away) or the workbook around them cannot be written, {@link #close} interrupts the renderer,
     * which closes its query.
     */
    static final class Rendering implements AutoCloseable {
        private final BlockingQueue<byte[]> blocks;
        private final Future<byte[]> renderer;
        private byte[] sharedStrings;

        private Rendering(BlockingQueue<byte[]> blocks, Future<byte[]> renderer) {
            this.blocks = blocks;
            this.renderer = renderer;
        }

        /** Writes (deflates) every rendered block into {@code out}, until the renderer's END. */
        void writeTo(OutputStream out) throws SQLException, IOException {
            try {
                while (true) {
                    byte[] block = blocks.poll(50, TimeUnit.MILLISECONDS);
                    if (block == END) {
                        break;
                    }
                    if (block == null) {
                        if (renderer.isDone() && blocks.isEmpty()) {
                            break; // it failed before its END: get() below throws why
                        }
                        continue;
                    }
                    out.write(block);
                }
                sharedStrings = renderer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("the export was interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException sql) {
                    throw sql;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
        }

        /** The shared-strings part of the rows written by {@link #writeTo}. */
        byte[] sharedStringsPart() {
            if (sharedStrings == null) {
                throw new IllegalStateException("the rows have not been written yet");
            }
            return sharedStrings;
        }

        @Override
        public void close() {
            renderer.cancel(true); // done already, or the writing failed: stop reading rows nobody will get
        }
    }

    /**
     * The rows as UTF-8 sheet XML ({@link SheetXmlBuffer}) in blocks of about 60 KB, then END; returns the
     * shared-strings part their text cells refer to.
     */
    private static byte[] render(DataSource dataSource, String departmentId, int fiscalYear, Styles st, BlockingQueue<byte[]> blocks)
            throws SQLException, InterruptedException {
        int r = 1;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        SheetXmlBuffer xml = new SheetXmlBuffer(BLOCK + 16 * 1024);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setFetchSize(2000);
                ps.setString(1, departmentId);
                ps.setInt(2, fiscalYear);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        r++;
                        xml.startRow(r);
                        xml.number('A', -1, r - 1);
                        xml.number('B', st.date(), rs.getInt(1));
                        String project = rs.getString(2);
                        xml.shared('C', -1, project == null ? ImportLayout.BASIC_LINE : project);
                        xml.shared('D', -1, rs.getString(3));
                        xml.shared('E', -1, "OWN".equals(rs.getString(4)) ? ImportLayout.CHANNEL_OWN : ImportLayout.CHANNEL_DIRECT);
                        BigDecimal amount = rs.getBigDecimal(5);
                        xml.number('F', st.money(), amount.toPlainString());
                        String description = rs.getString(6);
                        if (description != null) {
                            xml.text('G', -1, description);
                        }
                        xml.endRow();
                        total = total.add(amount);
                        if (xml.length() >= BLOCK) {
                            blocks.put(xml.take());
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        }
        if (r > 1) {
            xml.startRow(r + 1);
            xml.text('A', st.label(), "合计");
            xml.text('C', st.label(), (r - 1) + " 条");
            xml.number('F', st.moneyBold(), total.toPlainString());
            xml.endRow();
        }
        blocks.put(xml.take());
        blocks.put(END);
        return xml.sharedStringsPart();
    }
}
