package io.jixiao.report.rest;

/** OpenAPI examples of the round (年度自评工作) and notice operations. */
final class SeasonExamples {

    private SeasonExamples() {
    }

    static final String OPEN_INPUT = """
            {"fiscalYear":2020,"district":"示例区","deadline":"2021-04-30","templateVersion":1}""";

    static final String ROUND = """
            {"id":3,"fiscalYear":2020,"district":"示例区","deadline":"2021-04-30","templateVersion":1,"status":"OPEN",
             "openedBy":"caizheng","openedAt":"2021-03-01T01:00:00Z","closedAt":null,"version":1,
             "counts":{"NOT_STARTED":0,"IN_PROGRESS":1,"SUBMITTED":1,"RETURNED":0,"APPROVED":0,"OVERDUE":0},
             "departments":[
              {"departmentId":"d0000000-0000-4000-8000-000000000001","departmentCode":"301001","departmentName":"示例区教育局",
               "extendedUntil":null,"effectiveDeadline":"2021-04-30","daysLeft":12,"progress":"SUBMITTED","filingStatus":"SUBMITTED"},
              {"departmentId":"d0000000-0000-4000-8000-000000000002","departmentCode":"301002","departmentName":"示例区卫生健康局",
               "extendedUntil":"2021-05-10","effectiveDeadline":"2021-05-10","daysLeft":22,"progress":"IN_PROGRESS","filingStatus":"DRAFT"}]}""";

    static final String ROUNDS = "[" + ROUND + "]";

    static final String EXTENSION_INPUT = """
            {"departmentId":"d0000000-0000-4000-8000-000000000002","until":"2021-05-10","reason":"单位负责人调整，申请延期十天。","version":0}""";

    static final String CLOSE_INPUT = """
            {"version":1}""";

    static final String OPEN_INVALID = """
            {"type":"about:blank","title":"请求有误","status":400,"code":"request.invalid",
             "detail":"提交的数据有误，请按提示修改后重新提交。",
             "errors":[{"field":"deadline","message":"截止日期须在该年度结束之后。"}]}""";

    static final String REVIEWER_ONLY = """
            {"type":"about:blank","title":"无权访问","status":403,"code":"round.reviewer-only",
             "detail":"只有财政局审核人员可以开启、延期或关闭年度自评工作。"}""";

    static final String DISTRICT_UNKNOWN = """
            {"type":"about:blank","title":"无法处理","status":422,"code":"round.district-unknown",
             "detail":"没有单位登记在该区县：请从已有单位所属的区县中选择。",
             "errors":[{"field":"district","message":"没有单位登记在该区县：请从已有单位所属的区县中选择。"}]}""";

    static final String DISTRICTS = """
            [{"name":"示例区","departments":12},{"name":"望城区","departments":7}]""";

    static final String ROUND_EXISTS = """
            {"type":"about:blank","title":"数据冲突","status":409,"code":"round.exists",
             "detail":"2020 年度示例区的自评工作已经开启。"}""";

    static final String ROUND_CLOSED = """
            {"type":"about:blank","title":"数据冲突","status":409,"code":"round.closed",
             "detail":"2020 年度示例区的自评工作已关闭，名单和状态已冻结。"}""";

    static final String NOTICES = """
            [{"id":12,"departmentId":"d0000000-0000-4000-8000-000000000001","fiscalYear":2020,"roundId":3,"kind":"DUE_7",
              "deadline":"2021-04-30","comment":null,"createdAt":"2021-04-23T00:00:00Z","readAt":null}]""";

    static final String NOTICE_NOT_FOUND = """
            {"type":"about:blank","title":"未找到","status":404,"code":"notice.not-found","detail":"未找到通知 12。"}""";
}
