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
    void digitsAreWrittenForEveryMagnitude() {
        byte[] out = new byte[24];
        for (long v : new long[] { 0, 7, 10, 99, 100, 100_001, Integer.MAX_VALUE, -45, Long.MAX_VALUE }) {
            int end = SheetXmlBuffer.digits(v, out, 2);
            assertEquals(Long.toString(v), new String(out, 2, end - 2, StandardCharsets.US_ASCII));
        }
    }
}
