package io.jixiao.budget.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows of a worksheet's XML written straight as UTF-8 bytes, for {@link LinesSheetXml}'s 100,000-line
 * sheets: the markup is copied from constant byte arrays, numbers and references are written as digits,
 * and text is escaped byte by byte from its UTF-8 form, as the database sends it. Building the rows as a
 * Java string and encoding it afterwards spent a third of the export's time in the encoder, and decoding
 * the database's text into strings most of the rest (JFR).
 *
 * <p>Numbers are written as POI writes them ({@code <c r="F12" s="4"><v>61700.00</v></c>}); text either
 * inline, as POI does, or, for the columns whose values repeat (project, class, channel), as an index into
 * the workbook's shared strings ({@code <c r="C12" t="s"><v>3</v></c>}), as Excel itself saves text: a
 * repeated value costs a few digits instead of its text and the inline-string markup around it
 * ({@link SharedStrings}; {@link #sharedStringsPart} writes the table). Characters XML 1.0 cannot carry
 * become '?', as POI writes them.
 */
final class SheetXmlBuffer {

    private static final byte[] ROW = ascii("<row r=\"");
    private static final byte[] ROW_CELLS = ascii("\">");
    private static final byte[] ROW_END = ascii("</row>");
    private static final byte[] CELL = ascii("<c r=\"");
    private static final byte[] STYLE = ascii("\" s=\"");
    private static final byte[] VALUE = ascii("\"><v>");
    private static final byte[] VALUE_END = ascii("</v></c>");
    private static final byte[] INLINE = ascii("\" t=\"inlineStr\"><is><t>");
    private static final byte[] INLINE_SPACES = ascii("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] INLINE_END = ascii("</t></is></c>");
    private static final byte[] ITEM = ascii("<si><t>");
    private static final byte[] ITEM_SPACES = ascii("<si><t xml:space=\"preserve\">");
    private static final byte[] ITEM_END = ascii("</t></si>");
    private static final byte[] AMP = ascii("&amp;");
    private static final byte[] LT = ascii("&lt;");
    private static final byte[] GT = ascii("&gt;");

    private final SharedStrings shared = new SharedStrings();
    /** The open row's number as digits, counted up in place from one row to the next. */
    private final byte[] row = new byte[11];
    private int rowLength;
    private int rowNumber = -1;
    private byte[] buf;
    private int len;

    SheetXmlBuffer(int capacity) {
        buf = new byte[capacity];
    }

    int length() {
        return len;
    }

    /** The bytes so far, and an empty buffer for the next block. */
    byte[] take() {
        byte[] block = Arrays.copyOf(buf, len);
        len = 0;
        return block;
    }

    /** Opens row {@code r}; its cells take its number as their row reference. */
    void startRow(int r) {
        if (r == rowNumber + 1 && r > 1) {
            countUp();
        } else {
            rowLength = digits(r, row, 0);
        }
        rowNumber = r;
        put(ROW);
        put(row, rowLength);
        put(ROW_CELLS);
    }

    void endRow() {
        put(ROW_END);
    }

    void number(char column, int style, long value) {
        start(column, style);
        put(VALUE);
        room(20);
        len = digits(value, buf, len);
        put(VALUE_END);
    }

    /** A number already written as ASCII digits (an amount's plain text as PostgreSQL prints it). */
    void number(char column, int style, byte[] bytes, int offset, int length) {
        start(column, style);
        put(VALUE);
        room(length);
        System.arraycopy(bytes, offset, buf, len, length);
        len += length;
        put(VALUE_END);
    }

    void number(char column, int style, String value) {
        byte[] digits = value.getBytes(StandardCharsets.US_ASCII);
        number(column, style, digits, 0, digits.length);
    }

    /** A text cell of a column whose values repeat: the index of its UTF-8 value in the shared strings. */
    void shared(char column, int style, byte[] bytes, int offset, int length) {
        int index = shared.index(bytes, offset, length);
        start(column, style);
        put(shared.cellTail(index));
    }

    void shared(char column, int style, byte[] utf8) {
        shared(column, style, utf8, 0, utf8.length);
    }

    void shared(char column, int style, String value) {
        shared(column, style, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A text cell whose value is seldom seen twice (a description, the 合计 row): an inline string. */
    void text(char column, int style, byte[] bytes, int offset, int length) {
        start(column, style);
        put(spaces(bytes, offset, length) ? INLINE_SPACES : INLINE);
        escaped(bytes, offset, length);
        put(INLINE_END);
    }

    void text(char column, int style, byte[] utf8) {
        text(column, style, utf8, 0, utf8.length);
    }

    /** As {@link #text(char, int, byte[])}; unpaired surrogates become '?' in the encoding. */
    void text(char column, int style, String value) {
        text(column, style, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The workbook's shared-strings part ({@code xl/sharedStrings.xml}) holding the values of every
     * {@link #shared} cell written so far, at the indexes those cells name.
     */
    byte[] sharedStringsPart() {
        SheetXmlBuffer part = new SheetXmlBuffer(64 + shared.size() * 32);
        part.put(ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + shared.references()
                + "\" uniqueCount=\"" + shared.size() + "\">"));
        for (int i = 0; i < shared.size(); i++) {
            byte[] value = shared.value(i);
            part.put(spaces(value, 0, value.length) ? ITEM_SPACES : ITEM);
            part.escaped(value, 0, value.length);
            part.put(ITEM_END);
        }
        part.put(ascii("</sst>"));
        return part.take();
    }

    private void start(char column, int style) {
        put(CELL);
        room(1);
        buf[len++] = (byte) column;
        put(row, rowLength);
        if (style >= 0) {
            put(STYLE);
            room(11);
            len = digits(style, buf, len);
        }
    }

    /** The row number's digits plus one, carried as on paper ("1999" → "2000"). */
    private void countUp() {
        int i = rowLength - 1;
        while (i >= 0 && row[i] == '9') {
            row[i--] = '0';
        }
        if (i >= 0) {
            row[i]++;
        } else {
            System.arraycopy(row, 0, row, 1, rowLength++);
            row[0] = '1';
        }
    }

    /** Whitespace as the first or last character, which XML keeps only when told to (as POI decides). */
    private static boolean spaces(byte[] utf8, int offset, int length) {
        if (length == 0) {
            return false;
        }
        int end = offset + length;
        int last = end - 1;
        while (last > offset && (utf8[last] & 0xC0) == 0x80) {
            last--; // back to the first byte of the last character
        }
        return Character.isWhitespace(codePoint(utf8, offset, end)) || Character.isWhitespace(codePoint(utf8, last, end));
    }

    /** The code point whose UTF-8 form starts at {@code at} (PostgreSQL sends well-formed UTF-8). */
    private static int codePoint(byte[] utf8, int at, int end) {
        int b = utf8[at] & 0xFF;
        if (b < 0x80) {
            return b;
        }
        int n = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
        int cp = b & (0x3F >> n);
        for (int i = 1; i <= n && at + i < end; i++) {
            cp = cp << 6 | utf8[at + i] & 0x3F;
        }
        return cp;
    }

    /**
     * UTF-8 text as XML: markup characters escaped; control characters other than tab and line breaks,
     * U+FFFE and U+FFFF become '?' (Java's encoder has already made unpaired surrogates '?').
     */
    private void escaped(byte[] utf8, int offset, int length) {
        room(length * 5); // "&amp;" is the longest any one byte becomes
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = utf8[i];
            if (b >= 0) {
                switch (b) {
                    case '&' -> put(AMP);
                    case '<' -> put(LT);
                    case '>' -> put(GT);
                    case '\t', '\n', '\r' -> buf[len++] = b;
                    default -> buf[len++] = b < 0x20 ? (byte) '?' : b;
                }
            } else if (b == (byte) 0xEF && i + 2 < end && utf8[i + 1] == (byte) 0xBF
                    && (utf8[i + 2] == (byte) 0xBE || utf8[i + 2] == (byte) 0xBF)) {
                buf[len++] = '?'; // U+FFFE, U+FFFF
                i += 2;
            } else {
                buf[len++] = b;
            }
        }
    }

    /** Writes the decimal digits of {@code v} into {@code target} at {@code at}; returns where they end. */
    static int digits(long v, byte[] target, int at) {
        if (v < 0) {
            target[at++] = '-';
            v = -v;
        }
        int first = at;
        do {
            target[at++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = first, j = at - 1; i < j; i++, j--) { // written backwards: turn them round
            byte t = target[i];
            target[i] = target[j];
            target[j] = t;
        }
        return at;
    }

    private void put(byte[] bytes) {
        put(bytes, bytes.length);
    }

    private void put(byte[] bytes, int n) {
        room(n);
        System.arraycopy(bytes, 0, buf, len, n);
        len += n;
    }

    private void room(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
