package io.jixiao.report.rest;

/** OpenAPI examples of 信息公开 (the reviewers' operations and the public API). */
final class PublicationExamples {

    private PublicationExamples() {
    }

    static final String PUBLISHED = """
            {"id":5,"departmentId":"d0000000-0000-4000-8000-000000000001","fiscalYear":2020,"filingVersion":1,
             "departmentName":"中共长沙市望城区委政法委员会","status":"PUBLISHED","total":86.50,"grade":"良",
             "publishedBy":"caizheng","publishedAt":"2021-06-01T02:00:00Z","unpublishedBy":null,"unpublishedAt":null,
             "version":0}""";

    static final String UNPUBLISHED = """
            {"id":5,"departmentId":"d0000000-0000-4000-8000-000000000001","fiscalYear":2020,"filingVersion":1,
             "departmentName":"中共长沙市望城区委政法委员会","status":"UNPUBLISHED","total":86.50,"grade":"良",
             "publishedBy":"caizheng","publishedAt":"2021-06-01T02:00:00Z","unpublishedBy":"caizheng",
             "unpublishedAt":"2021-06-02T02:00:00Z","version":1}""";

    static final String LIST = "[" + PUBLISHED + "]";

    static final String REVIEWER_ONLY = """
            {"type":"about:blank","title":"无权访问","status":403,"code":"publication.reviewer-only",
             "detail":"只有财政局审核人员可以公开或撤回自评报告。"}""";

    static final String NOT_APPROVED = """
            {"type":"about:blank","title":"数据冲突","status":409,"code":"publication.not-approved.returned",
             "detail":"2020 年度的自评报告已退回修改：只有审核通过的报告才能公开。"}""";

    static final String NOT_PUBLISHED = """
            {"type":"about:blank","title":"数据冲突","status":409,"code":"publication.not-published",
             "detail":"2020 年度的自评报告当前未公开，无需撤回。"}""";

    static final String PUBLIC_LIST = """
            [{"id":5,"fiscalYear":2020,"departmentName":"中共长沙市望城区委政法委员会","total":86.50,"grade":"良",
              "publishedAt":"2021-06-01T02:00:00Z","url":"/api/v1/public/reports/5","pdfUrl":"/api/v1/public/reports/5/pdf"}]""";

    static final String PUBLIC_REPORT = """
            {"id":5,"fiscalYear":2020,"departmentName":"中共长沙市望城区委政法委员会","total":86.50,"grade":"良",
             "publishedAt":"2021-06-01T02:00:00Z","pdfUrl":"/api/v1/public/reports/5/pdf",
             "report":{"title":"2020 年度中共长沙市望城区委政法委员会整体支出绩效自评报告","sections":[{"number":"一",
               "title":"单位基本情况","parts":[{"heading":null,"paragraphs":["……联系人：〔已隐去〕，电话〔已隐去〕。"]}]}],
               "unit":"中共长沙市望城区委政法委员会","date":"2021年6月1日","score":null,"projects":[]}}""";

    static final String NOT_FOUND = """
            {"type":"about:blank","title":"未找到","status":404,"code":"publication.not-found",
             "detail":"未找到公开的自评报告 5（可能已撤回）。"}""";

    static final String RATE_LIMITED = """
            {"type":"urn:jixiao:problem:publication.rate-limited","title":"请求过多","status":429,
             "code":"publication.rate-limited","detail":"请求过于频繁，请 3 秒后再试。"}""";
}
