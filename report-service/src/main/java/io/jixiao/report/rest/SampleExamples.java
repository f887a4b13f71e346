package io.jixiao.report.rest;

/** OpenAPI examples of 抽查复核 (as the service answers them). */
final class SampleExamples {

    private SampleExamples() {
    }

    static final String DRAW_INPUT = """
            {"percentage":20,"minimum":3,"seed":20210415,"keyDepartmentIds":["d0000000-0000-4000-8000-000000000001"]}""";

    static final String SAMPLE = """
            {"roundId":1,"fiscalYear":2020,"percentage":"20","minimum":3,"seed":20210415,"population":12,
             "drawnBy":"czj","drawnAt":"2021-04-15T02:00:00Z","threshold":"10",
             "members":[{"departmentId":"d0000000-0000-4000-8000-000000000002","departmentCode":"101002",
               "departmentName":"示例区教育局","grade":"良","sizeBand":"LARGE","stratum":"良/LARGE",
               "budget":"63788000.00","selfTotal":"86.50","byHand":false,"reviewed":true,"reviewTotal":"74.00",
               "deviation":"12.50","flagged":true}],
             "summary":{"sampled":3,"reviewed":1,"flagged":1,"selfAverage":"86.50","reviewAverage":"74.00",
               "averageDeviation":"12.50"}}""";

    static final String SAMPLE_EXISTS = """
            {"type":"urn:jixiao:problem:sample.exists","title":"数据冲突","status":409,"code":"sample.exists",
             "detail":"2020 年度示例区的自评工作已经抽取过样本，不能重复抽取。"}""";

    static final String REVIEW_INPUT = """
            {"items":[{"code":"staff-control-rate","score":2,"comment":"在职人数与编制数核对无误，但有借调人员未计入。"},
             {"code":"three-public-control-rate","score":0,"comment":null},
             {"code":"social-benefit","score":4.5,"comment":"佐证材料仅有工作总结，缺少服务对象反馈。"}],
             "findings":"自评依据不充分。","version":null}""";

    static final String REVIEW = """
            {"roundId":1,"departmentId":"d0000000-0000-4000-8000-000000000002","departmentName":"示例区教育局",
             "fiscalYear":2020,"items":[{"code":"social-benefit","level1":"效果","level2":"履职效益","name":"社会效益",
               "points":"8","tier":"1.60","selfScore":"8.00","score":"4.50","deviation":"3.50","flagged":true,
               "comment":"佐证材料仅有工作总结，缺少服务对象反馈。"}],
             "findings":"自评依据不充分。","selfTotal":"86.50","reviewTotal":"74.00","deviation":"12.50","threshold":"10",
             "flagged":true,"reasons":["TOTAL","social-benefit"],"reviewedBy":"czj","reviewedAt":"2021-05-10T08:00:00Z",
             "version":1}""";

    static final String REVIEW_OUT_OF_RANGE = """
            {"type":"urn:jixiao:problem:review.score-out-of-range-summary","title":"无法处理","status":422,
             "code":"review.score-out-of-range-summary","detail":"复核得分须在 0 到该指标分值之间。",
             "errors":[{"field":"items[2].score","message":"复核得分须在 0 到该指标分值之间（最多两位小数）。"}]}""";

    static final String OUTCOME_REVIEWER_ONLY = """
            {"type":"urn:jixiao:problem:outcome.reviewer-only","title":"无权访问","status":403,"code":"outcome.reviewer-only",
             "detail":"只有财政局审核人员可以导出结果应用清单。"}""";
}
