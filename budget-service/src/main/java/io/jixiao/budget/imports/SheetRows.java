package io.jixiao.budget.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
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
    /** Characters kept of one cell (Excel's own limit); one more marks it too long for every column. */
    static final int MAX_CELL_CHARS = 32_767;
    /**
     * Largest part of an .xlsx once unpacked (POI allows 4 GB). Sheets are streamed, so this bounds
     * time, not memory: 200,000 rows of the 支出明细 are about 60–100 MB of XML.
     */
    static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;
    /** Shared strings are held in memory for random access by index: their XML is capped. */
    static final long MAX_SHARED_STRINGS_BYTES = 40L * 1024 * 1024;
    /**
     * POI's default smallest compressed/unpacked ratio (1:100) is kept: sheet XML of similar rows
     * legitimately compresses 1:30 to 1:60, and the absolute caps above already bound a zip bomb.
     */
    static final double MIN_INFLATE_RATIO = 0.01;

    static {
        // process-wide: budget-service only unpacks uploaded workbooks (exports are written, not read)
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxFileCount(1000);
    }

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
            ReadOnlySharedStringsTable strings = sharedStrings(pkg);
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
        } catch (IOException | SAXException | OpenXML4JException e) {
            throw refusal(e);
        }
    }

    /**
     * The workbook's shared strings, read by SAX (never a DOM) through a bounded stream: they must be
     * in memory because cells refer to them by index in any order.
     */
    static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(pkg, false);
        }
        try (InputStream in = new Bounded(parts.get(0).getInputStream(), MAX_SHARED_STRINGS_BYTES)) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    /** A workbook POI cannot (or may not) unpack as the clerk's problem, never an internal error. */
    static io.jixiao.platform.problem.ProblemException refusal(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge || t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return UploadedFile.refuse(400, "import.xlsx-too-large");
            }
        }
        // also a DOCTYPE: POI's parsers refuse DTDs, so no external entity is ever resolved
        return UploadedFile.refuse(400, "import.xlsx-corrupt");
    }

    static final class TooLarge extends IOException {
        TooLarge() {
            super("over the limit of unpacked bytes");
        }
    }

    /** Fails (instead of truncating) once more than the limit has been read. */
    static final class Bounded extends java.io.FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw new TooLarge();
            }
            return n;
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

        private String sharedString(String index) {
            try {
                String v = strings.getItemAt(Integer.parseInt(index.trim())).getString();
                return v != null && v.length() > MAX_CELL_CHARS ? v.substring(0, MAX_CELL_CHARS + 1) : v;
            } catch (RuntimeException e) {
                // an index that is no number or outside the table: a broken workbook
                throw UploadedFile.refuse(400, "import.xlsx-corrupt");
            }
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
            if (collecting && text.length() <= MAX_CELL_CHARS) {
                text.append(ch, start, Math.min(length, MAX_CELL_CHARS + 1 - text.length()));
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
                        value = sharedString(raw);
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
}
