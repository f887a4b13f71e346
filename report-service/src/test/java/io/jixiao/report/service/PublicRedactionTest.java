package io.jixiao.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.jixiao.report.assembly.Report;

/** What the public version masks, and the figures it must leave alone. */
class PublicRedactionTest {

    static final String M = PublicRedaction.MASK;

    @Test
    void masksPhonesEmailsIdNumbersAndContactNames() {
        assertEquals("联系人：" + M + "，电话 " + M + "。", PublicRedaction.mask("联系人：张三，电话 0731-88886666。"));
        assertEquals("手机" + M + "或" + M, PublicRedaction.mask("手机13812345678或+86 138-1234-5678"));
        assertEquals("座机" + M + "，" + M, PublicRedaction.mask("座机（0731）88886666，0731 8888666"));
        assertEquals("电话：" + M, PublicRedaction.mask("电话：8888 6666"));
        assertEquals("邮箱 " + M + " 收", PublicRedaction.mask("邮箱 zhang.san@wangcheng.gov.cn 收"));
        assertEquals("身份证号" + M + "、" + M, PublicRedaction.mask("身份证号430122198001011234、43012219800101123X"));
        assertEquals("经办人" + M + "，填报人: " + M, PublicRedaction.mask("经办人李四，填报人: 王小五"));
    }

    @Test
    void leavesAmountsRatesYearsAndCountsAlone() {
        String text = "2020 年度基本支出 699.13 万元，执行率 109.60%，编制数 20 人，项目 12314100.00 元，"
                + "文号望政发〔2020〕12 号，较上年增加 4 人。";
        assertEquals(text, PublicRedaction.mask(text));
        assertEquals(null, PublicRedaction.mask(null));
    }

    @Test
    void redactsEveryTextOfTheReportAndKeepsItsFigures() {
        Report.Score score = new Report.Score("72.50", "中", List.of());
        Report r = new Report("2020 年度某局整体支出绩效自评报告", List.of(new Report.Section("一", "单位基本情况",
                List.of(new Report.Part("（一）联系人：张三", List.of("统筹工作，电话 13812345678。"))))), "某局", "2021年6月1日",
                score, List.of(new Report.ProjectRow("热线 13812345678 运维", "60.00", "0.00", "65.28", "0.00", "65.28",
                        "108.80%", true)));
        Report out = PublicRedaction.redact(r);
        assertEquals("（一）联系人：" + M, out.sections().get(0).parts().get(0).heading());
        assertEquals("统筹工作，电话 " + M + "。", out.sections().get(0).parts().get(0).paragraphs().get(0));
        assertEquals("热线 " + M + " 运维", out.projects().get(0).name());
        assertEquals("65.28", out.projects().get(0).actual());
        assertEquals(score, out.score());
        assertEquals(r.title(), out.title());
    }
}
