package io.jixiao.budget.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import io.jixiao.budget.service.CopyStreams;

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

    /**
     * The lines as PostgreSQL's COPY text rows (a tab between fields), whose bytes the renderer copies into
     * the XML without decoding them: COPY costs the database and the driver a fraction of a query's rows.
     * The date is its serial number: days from Excel's day 0 (1899-12-30, after its 1900 leap-year slip). An
     * amount (numeric(17,2), never negative) prints as plain digits with two decimals.
     */
    private static final String COPY = """
            copy (select l.paid_on - date '1899-12-30', p.name, l.economic_class, l.channel, l.amount, l.description
                  from spending_line l left join project p on p.id = l.project_id
                  where l.department_id = '%s' and l.fiscal_year = %d order by l.id) to stdout""";
    private static final byte[] BASIC_LINE = ImportLayout.BASIC_LINE.getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHANNEL_OWN = ImportLayout.CHANNEL_OWN.getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHANNEL_DIRECT = ImportLayout.CHANNEL_DIRECT.getBytes(StandardCharsets.UTF_8);
    private static final byte[] OWN = "OWN".getBytes(StandardCharsets.US_ASCII);

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
        return render(() -> copy(dataSource, departmentId, fiscalYear), st);
    }

    /** Renders the rows {@code source} opens (on the renderer's thread). */
    static Rendering render(RowSource source, Styles st) {
        BlockingQueue<byte[]> blocks = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
        return new Rendering(blocks, RENDERERS.submit(() -> {
            try (CopyRows rows = source.open()) {
                return render(rows, st, blocks);
            }
        }));
    }

    /** Renders the rows and writes them into {@code out} (the tests' way in; an export starts the rendering earlier). */
    static void rows(RowSource source, Styles st, OutputStream out) throws SQLException, IOException {
        try (Rendering lines = render(source, st)) {
            lines.writeTo(out);
        }
    }

    /** Opens the rows to render. */
    @FunctionalInterface
    interface RowSource {
        CopyRows open() throws SQLException;
    }

    /** COPY text rows ({@link CopyTextRow}), one per call, null after the last; closing ends the COPY early. */
    interface CopyRows extends AutoCloseable {
        byte[] next() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** The COPY statement of a department-year's lines. */
    static String copySql(String departmentId, int fiscalYear) {
        if (!CopyStreams.DEPARTMENT_ID.matcher(departmentId).matches()) {
            throw new IllegalArgumentException("not a department id");
        }
        return COPY.formatted(departmentId, fiscalYear);
    }

    /** The department-year's lines from PostgreSQL's COPY, on a connection of its own. */
    private static CopyRows copy(DataSource dataSource, String departmentId, int fiscalYear) throws SQLException {
        String sql = copySql(departmentId, fiscalYear);
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // rows in id order from the primary key as they are read, not after sorting the whole year first:
                // where one department-year is most of the table, PostgreSQL would rather scan and sort (on disk,
                // past work_mem), and the first row came only after the last one had been read
                s.execute("set local enable_sort = off");
            }
            CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
            return new CopyRows() {
                @Override
                public byte[] next() throws SQLException {
                    return copy.readFromCopy();
                }

                @Override
                public void close() throws SQLException {
                    try (c) {
                        CopyStreams.dropRest(copy); // the export may have ended early
                        c.rollback(); // nothing was written; ends the setting with the transaction
                    }
                }
            };
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
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
    private static byte[] render(CopyRows rows, Styles st, BlockingQueue<byte[]> blocks) throws SQLException, InterruptedException {
        int r = 1;
        FenTotal total = new FenTotal();
        SheetXmlBuffer xml = new SheetXmlBuffer(BLOCK + 16 * 1024);
        CopyTextRow line = new CopyTextRow(6);
        for (byte[] bytes = rows.next(); bytes != null; bytes = rows.next()) {
            line.read(bytes);
            r++;
            xml.startRow(r);
            xml.number('A', -1, r - 1);
            xml.number('B', st.date(), bytes, line.offset(0), line.length(0));
            if (line.isNull(1)) {
                xml.shared('C', -1, BASIC_LINE);
            } else {
                shared(xml, 'C', line, 1);
            }
            shared(xml, 'D', line, 2);
            xml.shared('E', -1, Arrays.equals(OWN, 0, OWN.length, bytes, line.offset(3), line.offset(3) + line.length(3))
                    ? CHANNEL_OWN : CHANNEL_DIRECT);
            xml.number('F', st.money(), bytes, line.offset(4), line.length(4));
            total.add(bytes, line.offset(4), line.length(4));
            if (!line.isNull(5)) {
                if (line.escaped(5)) {
                    xml.text('G', -1, line.unescaped(5));
                } else {
                    xml.text('G', -1, bytes, line.offset(5), line.length(5));
                }
            }
            xml.endRow();
            if (xml.length() >= BLOCK) {
                blocks.put(xml.take());
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

    /** Text field {@code field} of the COPY row as a shared string. */
    private static void shared(SheetXmlBuffer xml, char column, CopyTextRow line, int field) {
        if (line.escaped(field)) {
            xml.shared(column, -1, line.unescaped(field));
        } else {
            xml.shared(column, -1, line.bytes(), line.offset(field), line.length(field));
        }
    }
}
