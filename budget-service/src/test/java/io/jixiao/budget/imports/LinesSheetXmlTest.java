package io.jixiao.budget.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The cells LinesSheetXml writes into the 支出明细 sheet: text a clerk typed must survive as XML. */
class LinesSheetXmlTest {

    @Test
    void markupIsEscapedAndCharactersXmlCannotCarryBecomeQuestionMarks() {
        StringBuilder out = new StringBuilder();
        LinesSheetXml.escaped(out, "A&B <办公费> \u0001\u0008\t第\n2 行\r\uFFFE");
        assertEquals("A&amp;B &lt;办公费&gt; ??\t第\n2 行\r?", out.toString());
    }

    @Test
    void aTextCellKeepsItsSpacesAtEitherEndAndNamesItsStyle() {
        StringBuilder out = new StringBuilder();
        LinesSheetXml.text(out, 'G', "7", -1, " 备注 ");
        assertEquals("<c r=\"G7\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> 备注 </t></is></c>", out.toString());
        out.setLength(0);
        LinesSheetXml.text(out, 'A', "12", 3, "合计");
        assertEquals("<c r=\"A12\" s=\"3\" t=\"inlineStr\"><is><t>合计</t></is></c>", out.toString());
    }
}
