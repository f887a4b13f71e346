package io.jixiao.budget.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rows of a CSV file, as {@link SheetRows} gives those of a worksheet. */
public final class CsvRows {

    private CsvRows() {
    }

    /** Streams a CSV file (RFC 4180: quotes, doubled quotes, line breaks inside quotes). */
    public static void read(Path csv, Charset charset, SheetRows.RowHandler handler) throws IOException {
        try (Reader decoder = new java.io.InputStreamReader(Files.newInputStream(csv),
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            Chars reader = new Chars(decoder);
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean cellStarted = false;
            int rowNumber = 1;
            int c = reader.read();
            if (c == '\uFEFF') {
                c = reader.read();
            }
            boolean any = false;
            while (c != -1) {
                any = true;
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        int next = reader.read();
                        if (next == '"') {
                            append(cell, '"');
                        } else {
                            quoted = false;
                            c = next;
                            continue;
                        }
                    } else {
                        append(cell, ch);
                    }
                } else if (ch == '"' && !cellStarted) {
                    quoted = true;
                    cellStarted = true;
                } else if (ch == ',') {
                    addCell(cells, cell);
                    cell.setLength(0);
                    cellStarted = false;
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r') {
                        int next = reader.read();
                        if (next != '\n') {
                            addCell(cells, cell);
                            if (!emit(handler, rowNumber++, cells)) {
                                return;
                            }
                            cell.setLength(0);
                            cellStarted = false;
                            any = false;
                            c = next;
                            continue;
                        }
                    }
                    addCell(cells, cell);
                    if (!emit(handler, rowNumber++, cells)) {
                        return;
                    }
                    cell.setLength(0);
                    cellStarted = false;
                    any = false;
                } else {
                    append(cell, ch);
                    cellStarted = true;
                }
                c = reader.read();
            }
            if (any) {
                addCell(cells, cell);
                emit(handler, rowNumber, cells);
            }
        }
    }

    /**
     * The decoded text, one character at a time from a block read ahead. Not a BufferedReader: its
     * read() takes a lock per character, which cost most of the parse of a 100,000-line file.
     */
    private static final class Chars {
        private final Reader in;
        private final char[] block = new char[64 * 1024];
        private int next;
        private int end;

        Chars(Reader in) {
            this.in = in;
        }

        int read() throws IOException {
            if (next == end) {
                end = in.read(block, 0, block.length);
                next = 0;
                if (end <= 0) {
                    end = 0;
                    return -1;
                }
            }
            return block[next++];
        }
    }

    /** A cell keeps at most SheetRows.MAX_CELL_CHARS + 1 characters: enough to be refused as too long, never a heap. */
    private static void append(StringBuilder cell, char ch) {
        if (cell.length() <= SheetRows.MAX_CELL_CHARS) {
            cell.append(ch);
        }
    }

    /** Cells past SheetRows.MAX_COLUMNS are dropped as they are read (a line of commas must not become a list of millions). */
    private static void addCell(List<String> cells, StringBuilder cell) {
        if (cells.size() < SheetRows.MAX_COLUMNS) {
            cells.add(cell.toString());
        }
    }

    private static boolean emit(SheetRows.RowHandler handler, int rowNumber, List<String> cells) {
        int width = Math.min(cells.size(), SheetRows.MAX_COLUMNS);
        String[] values = new String[width];
        for (int i = 0; i < width; i++) {
            String v = cells.get(i);
            values[i] = v.isEmpty() ? null : v;
        }
        cells.clear();
        return handler.row(new SheetRows.Row(rowNumber, values, new boolean[width]));
    }
}
