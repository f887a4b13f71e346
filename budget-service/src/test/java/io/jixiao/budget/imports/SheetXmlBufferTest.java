package io.jixiao.budget.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The cells written into the 支出明细 sheet: text a clerk typed must survive as XML, as POI would write it. */
class SheetXmlBufferTest {

    static String written(SheetXmlBuffer xml) {
        return new String(xml.take(), StandardCharsets.UTF_8);
    }

    @Test
    void markupIsEscapedAndCharactersXmlCannotCarryBecomeQuestionMarks() {
        SheetXmlBuffer xml = new SheetXmlBuffer(8); // grows as it must
        xml.startRow(7);
        xml.text('G', -1, "A&B <办公费> \u0001\u0008\t第\n2 行\r\uFFFE é 😀 \uD800x");
        assertEquals("<row r=\"7\"><c r=\"G7\" t=\"inlineStr\"><is><t>A&amp;B &lt;办公费&gt; ??\t第\n2 行\r? é 😀 ?x</t></is></c>",
                written(xml));
    }

    @Test
    void aTextCellKeepsItsSpacesAtEitherEndAndNamesItsStyle() {
        SheetXmlBuffer xml = new SheetXmlBuffer(16);
        xml.startRow(12);
        xml.text('G', -1, " 备注 ");
        xml.text('A', 3, "合计");
        xml.number('F', 4, "61700.00");
        xml.number('B', 1, 45000);
        xml.endRow();
        assertEquals("<row r=\"12\"><c r=\"G12\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> 备注 </t></is></c>"
                + "<c r=\"A12\" s=\"3\" t=\"inlineStr\"><is><t>合计</t></is></c>"
                + "<c r=\"F12\" s=\"4\"><v>61700.00</v></c><c r=\"B12\" s=\"1\"><v>45000</v></c></row>", written(xml));
        assertEquals(0, written(xml).length(), "take() leaves an empty buffer");
    }

    @Test
    void repeatedTextsAreNumberedInTheOrderFirstMetAndListedOnceInTheSharedStrings() {
        SheetXmlBuffer xml = new SheetXmlBuffer(16);
        xml.startRow(2);
        xml.shared('C', -1, "综治维稳 & <专项>");
        xml.shared('D', -1, "30201");
        xml.endRow();
        xml.startRow(3);
        xml.shared('C', 2, "综治维稳 & <专项>");
        xml.shared('D', -1, " 备注 ");
        xml.endRow();
        assertEquals("<row r=\"2\"><c r=\"C2\" t=\"s\"><v>0</v></c><c r=\"D2\" t=\"s\"><v>1</v></c></row>"
                + "<row r=\"3\"><c r=\"C3\" s=\"2\" t=\"s\"><v>0</v></c><c r=\"D3\" t=\"s\"><v>2</v></c></row>", written(xml));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4\" uniqueCount=\"3\">"
                + "<si><t>综治维稳 &amp; &lt;专项&gt;</t></si><si><t>30201</t></si><si><t xml:space=\"preserve\"> 备注 </t></si></sst>",
                new String(xml.sharedStringsPart(), StandardCharsets.UTF_8));
    }

    @Test
    void rowNumbersCountUpAcrossEveryCarry() {
        SheetXmlBuffer xml = new SheetXmlBuffer(16);
        StringBuilder expected = new StringBuilder();
        for (int r : new int[] { 2, 3, 9, 10, 11, 99, 100, 1999, 2000, 2001, 7, 8 }) {
            xml.startRow(r); // consecutive numbers are counted up, the others written afresh
            xml.number('A', -1, r);
            xml.endRow();
            expected.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>").append(r).append("</v></c></row>");
        }
        assertEquals(expected.toString(), written(xml));
    }

    @Test
    void textAsTheDatabaseSendsItIsEscapedAsItsStringWouldBe() {
        for (String value : new String[] { "\u3000全角空格开头", "结尾全角空格\u3000", "😀", "a😀", "é", "" }) {
            SheetXmlBuffer fromBytes = new SheetXmlBuffer(8);
            fromBytes.text('G', -1, value.getBytes(StandardCharsets.UTF_8));
            boolean spaces = !value.isEmpty() && (Character.isWhitespace(value.codePointAt(0))
                    || Character.isWhitespace(value.codePointBefore(value.length())));
            assertEquals("<c r=\"G\" t=\"inlineStr\"><is><t" + (spaces ? " xml:space=\"preserve\"" : "") + ">" + value + "</t></is></c>",
                    written(fromBytes), value);
        }
    }

    @Test
    void theTotalIsExactBeyondWhatALongHolds() {
        FenTotal total = new FenTotal();
        add(total, "0.05");
        add(total, "61700.00");
        assertEquals("61700.05", total.toPlainString());
        FenTotal huge = new FenTotal();
        for (int i = 0; i < 200_000; i++) {
            add(huge, "999999999999999.99"); // numeric(17,2)'s largest, 200,000 times: past Long.MAX_VALUE fen
        }
        assertEquals(new java.math.BigDecimal("999999999999999.99").multiply(java.math.BigDecimal.valueOf(200_000)).toPlainString(),
                huge.toPlainString());
        for (String bad : new String[] { "12.3", "12", "1.234", "-1.00", "1e3" }) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> add(new FenTotal(), bad), bad);
        }
    }

    static void add(FenTotal total, String amount) {
        byte[] bytes = ("x" + amount + "y").getBytes(StandardCharsets.US_ASCII); // the amount inside a row's bytes
        total.add(bytes, 1, bytes.length - 2);
    }

    @Test
    void digitsAreWrittenForEveryMagnitude() {
        byte[] out = new byte[24];
        for (long v : new long[] { 0, 7, 10, 99, 100, 100_001, Integer.MAX_VALUE, -45, Long.MAX_VALUE }) {
            int end = SheetXmlBuffer.digits(v, out, 2);
            assertEquals(Long.toString(v), new String(out, 2, end - 2, StandardCharsets.US_ASCII));
        }
    }
}
