package io.jixiao.budget.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows of a worksheet's XML written straight as UTF-8 bytes, for {@link LinesSheetXml}'s 100,000-line
 * sheets: the markup is copied from constant byte arrays, numbers and references are written as digits,
 * and text is escaped and encoded character by character into the buffer. Building the rows as a Java
 * string and encoding it afterwards spent a third of the export's time in the encoder (JFR).
 *
 * <p>Numbers are written as POI writes them ({@code <c r="F12" s="4"><v>61700.00</v></c>}); text either
 * inline, as POI does, or, for the columns whose values repeat (project, class, channel), as an index into
 * the workbook's shared strings ({@code <c r="C12" t="s"><v>3</v></c>}), as Excel itself saves text: a
 * repeated value costs a few digits instead of its text and the inline-string markup around it. The
 * buffer numbers those values in the order it first meets them; {@link #sharedStringsPart} writes the
 * table. Characters XML 1.0 cannot carry become '?', as POI writes them.
 */
final class SheetXmlBuffer {

    private static final byte[] ROW = ascii("<row r=\"");
    private static final byte[] ROW_CELLS = ascii("\">");
    private static final byte[] ROW_END = ascii("</row>");
    private static final byte[] CELL = ascii("<c r=\"");
    private static final byte[] STYLE = ascii("\" s=\"");
    private static final byte[] VALUE = ascii("\"><v>");
    private static final byte[] SHARED = ascii("\" t=\"s\"><v>");
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

    /** The shared strings met so far, by their index (the order they were first met). */
    private final Map<String, Integer> shared = new LinkedHashMap<>();
    private long sharedCells;
    private final byte[] row = new byte[11];
    private int rowLength;
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
        rowLength = digits(r, row, 0);
        put(ROW);
        put(row, rowLength);
        put(ROW_CELLS);
    }

    void endRow() {
        put(ROW_END);
    }

    void number(char column, int style, long value) {
        digitsCell(column, style, VALUE, value);
    }

    /** A number already written as text (an amount's plain string). */
    void number(char column, int style, String value) {
        start(column, style);
        put(VALUE);
        room(value.length());
        for (int i = 0; i < value.length(); i++) {
            buf[len++] = (byte) value.charAt(i);
        }
        put(VALUE_END);
    }

    /** A text cell of a column whose values repeat: the index of its value in the shared strings. */
    void shared(char column, int style, String value) {
        Integer index = shared.get(value);
        if (index == null) {
            index = shared.size();
            shared.put(value, index);
        }
        sharedCells++;
        digitsCell(column, style, SHARED, index);
    }

    /** A cell whose value is an integer: {@code open} gives its type (a number, or a shared string's index). */
    private void digitsCell(char column, int style, byte[] open, long value) {
        start(column, style);
        put(open);
        room(20);
        len = digits(value, buf, len);
        put(VALUE_END);
    }

    /** A text cell whose value is seldom seen twice (a description, the 合计 row): an inline string. */
    void text(char column, int style, String value) {
        start(column, style);
        put(spaces(value) ? INLINE_SPACES : INLINE);
        escaped(value);
        put(INLINE_END);
    }

    /**
     * The workbook's shared-strings part ({@code xl/sharedStrings.xml}) holding the values of every
     * {@link #shared} cell written so far, at the indexes those cells name.
     */
    byte[] sharedStringsPart() {
        SheetXmlBuffer part = new SheetXmlBuffer(64 + shared.size() * 32);
        part.put(ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + sharedCells
                + "\" uniqueCount=\"" + shared.size() + "\">"));
        for (String value : shared.keySet()) {
            part.put(spaces(value) ? ITEM_SPACES : ITEM);
            part.escaped(value);
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

    /** Spaces at either end, which XML keeps only when told to. */
    private static boolean spaces(String value) {
        return !value.isEmpty()
                && (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1)));
    }

    /**
     * XML text as UTF-8: markup characters escaped; control characters other than tab and line breaks,
     * U+FFFE, U+FFFF and unpaired surrogates become '?'.
     */
    private void escaped(String value) {
        room(value.length() * 5); // "&amp;" is the longest any one char becomes (a pair of chars: 4 bytes)
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x80) {
                switch (ch) {
                    case '&' -> put(AMP);
                    case '<' -> put(LT);
                    case '>' -> put(GT);
                    case '\t', '\n', '\r' -> buf[len++] = (byte) ch;
                    default -> buf[len++] = (byte) (ch < 0x20 ? '?' : ch);
                }
            } else if (ch < 0x800) {
                buf[len++] = (byte) (0xC0 | ch >> 6);
                buf[len++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(ch, value.charAt(++i));
                buf[len++] = (byte) (0xF0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(ch) || ch == '\uFFFE' || ch == '\uFFFF') {
                buf[len++] = '?';
            } else {
                buf[len++] = (byte) (0xE0 | ch >> 12);
                buf[len++] = (byte) (0x80 | ch >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | ch & 0x3F);
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

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
