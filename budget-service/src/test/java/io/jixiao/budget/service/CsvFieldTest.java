package io.jixiao.budget.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The export's CSV cells: no formula may start a cell, nor a line inside one. */
class CsvFieldTest {

    @Test
    void aFormulaAtTheStartOrAfterALineBreakIsNeutralised() {
        assertEquals("'=1+2", YearOverviewService.csvField("=1+2"));
        assertEquals("\"abc\n'=1+2\"", YearOverviewService.csvField("abc\n=1+2"));
        assertEquals("\"'\r'=cmd|' /C calc'!A0\"", YearOverviewService.csvField("\r=cmd|' /C calc'!A0"));
        assertEquals("\"x\r\n'@SUM(A1)\"", YearOverviewService.csvField("x\r\n@SUM(A1)"));
        assertEquals("\"a\n'+1\n'-2\"", YearOverviewService.csvField("a\n+1\n-2"));
        assertEquals("'\tx", YearOverviewService.csvField("\tx"));
    }

    @Test
    void ordinaryTextIsUnchangedAndQuotedOnlyWhenNeeded() {
        assertEquals("档案数字化", YearOverviewService.csvField("档案数字化"));
        assertEquals("\"a,b\"", YearOverviewService.csvField("a,b"));
        assertEquals("\"第一行\n第二行\"", YearOverviewService.csvField("第一行\n第二行"));
        assertEquals("1=1", YearOverviewService.csvField("1=1"));
        assertEquals("", YearOverviewService.csvField(null));
    }
}
