package io.jixiao.budget.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the rows of an uploaded file, one at a time: an XLSX sheet through POI's event model (SAX
 * over the sheet XML; only the shared strings are held in memory) or a CSV table. A row keeps each
 * cell's raw text and whether it was a number, so amounts are read exactly and dates can be Excel
 * serial numbers or text.
 */
public final class SheetRows {

    /** Cells beyond this column are ignored (a stray cell in column XFD must not allocate 16k slots). */
    static final int MAX_COLUMNS = 64;

    private SheetRows() {
    }

    /** One row: 1-based row number as Excel shows it, cell texts (null = empty) and which were numbers. */
    public record Row(int number, String[] values, boolean[] numeric) {
        public String value(int column) {
            return column < 0 || column >= values.length ? null : values[column];
        }

        public boolean isNumeric(int column) {
            return column >= 0 && column < numeric.length && numeric[column];
        }

        public boolean blank() {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    @FunctionalInterface
    public interface RowHandler {
        /** Return false to stop reading. */
        boolean row(Row row);

        /** The sheet's declared last row (XLSX dimension), before its rows: for progress estimates. */
        default void dimension(int lastRow) {
        }
    }

    /** Thrown by a handler that wants to stop early; not an error. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    // ------------------------------------------------------------------------------------ XLSX

    /** Names of the workbook's sheets, in order. */
    public static List<String> sheetNames(Path xlsx) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator it = reader.getSheetIterator();
            List<String> names = new ArrayList<>();
            while (it.hasNext()) {
                try (InputStream ignored = it.next()) {
                    names.add(it.getSheetName());
                }
            }
            return names;
        }
    }

    /** Streams the rows of one sheet (by name) to the handler. */
    public static void readXlsx(Path xlsx, String sheetName, RowHandler handler) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator it = reader.getSheetIterator();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    if (!it.getSheetName().equals(sheetName)) {
                        continue;
                    }
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new SheetHandler(strings, handler));
                    try {
                        xml.parse(new InputSource(in));
                    } catch (Stop stop) {
                        // the handler has seen enough
                    }
                    return;
                }
            }
        }
    }

    /** SAX handler of one worksheet part: c/@t tells shared string, inline string, boolean, number. */
    static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final RowHandler handler;
        private final StringBuilder text = new StringBuilder();
        private String[] values = new String[MAX_COLUMNS];
        private boolean[] numeric = new boolean[MAX_COLUMNS];
        private int width;
        private int rowNumber;
        private int column;
        private int nextColumn;
        private String type;
        private boolean collecting;
        private boolean inInline;
        private boolean hasValue;

        SheetHandler(ReadOnlySharedStringsTable strings, RowHandler handler) {
            this.strings = strings;
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            switch (localName) {
                case "row" -> {
                    String r = attrs.getValue("r");
                    rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
                    Arrays.fill(values, 0, width, null);
                    Arrays.fill(numeric, 0, width, false);
                    width = 0;
                    nextColumn = 0;
                }
                case "c" -> {
                    String ref = attrs.getValue("r");
                    column = ref != null ? ImportLayout.columnIndex(ref) : nextColumn;
                    nextColumn = column + 1;
                    type = attrs.getValue("t");
                    text.setLength(0);
                    hasValue = false;
                }
                case "v" -> {
                    collecting = true;
                    hasValue = true;
                }
                case "is" -> inInline = true;
                case "dimension" -> {
                    String ref = attrs.getValue("ref");
                    if (ref != null) {
                        String last = ref.substring(ref.indexOf(':') + 1).replaceAll("[A-Z]", "");
                        if (!last.isEmpty() && last.chars().allMatch(Character::isDigit) && last.length() < 9) {
                            handler.dimension(Integer.parseInt(last));
                        }
                    }
                }
                case "t" -> {
                    if (inInline) {
                        collecting = true;
                        hasValue = true;
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "is" -> inInline = false;
                case "c" -> {
                    if (!hasValue || column < 0 || column >= MAX_COLUMNS) {
                        return;
                    }
                    String raw = text.toString();
                    boolean number = false;
                    String value;
                    if (type == null || "n".equals(type)) {
                        value = raw;
                        number = true;
                    } else if ("s".equals(type)) {
                        value = strings.getItemAt(Integer.parseInt(raw.trim())).getString();
                    } else if ("b".equals(type)) {
                        value = "1".equals(raw) ? "TRUE" : "FALSE";
                    } else if ("e".equals(type)) {
                        value = "#ERROR " + raw;
                    } else {
                        value = raw; // str (formula result), inlineStr, d (ISO date text)
                    }
                    values[column] = value;
                    numeric[column] = number;
                    width = Math.max(width, column + 1);
                }
                case "row" -> {
                    Row row = new Row(rowNumber, Arrays.copyOf(values, width), Arrays.copyOf(numeric, width));
                    if (!handler.row(row)) {
                        throw new Stop();
                    }
                }
                default -> {
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------- CSV

    /** Streams a CSV file (RFC 4180: quotes, doubled quotes, line breaks inside quotes). */
    public static void readCsv(Path csv, Charset charset, RowHandler handler) throws IOException {
        try (Reader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(csv),
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024)) {
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
                            cell.append('"');
                        } else {
                            quoted = false;
                            c = next;
                            continue;
                        }
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"' && !cellStarted) {
                    quoted = true;
                    cellStarted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    cellStarted = false;
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r') {
                        int next = reader.read();
                        if (next != '\n') {
                            cells.add(cell.toString());
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
                    cells.add(cell.toString());
                    if (!emit(handler, rowNumber++, cells)) {
                        return;
                    }
                    cell.setLength(0);
                    cellStarted = false;
                    any = false;
                } else {
                    cell.append(ch);
                    cellStarted = true;
                }
                c = reader.read();
            }
            if (any) {
                cells.add(cell.toString());
                emit(handler, rowNumber, cells);
            }
        }
    }

    private static boolean emit(RowHandler handler, int rowNumber, List<String> cells) {
        int width = Math.min(cells.size(), MAX_COLUMNS);
        String[] values = new String[width];
        for (int i = 0; i < width; i++) {
            String v = cells.get(i);
            values[i] = v.isEmpty() ? null : v;
        }
        cells.clear();
        return handler.row(new Row(rowNumber, values, new boolean[width]));
    }
}
