package io.jixiao.report.assembly;

/** Our own fixtures of the sheet (the sample department's 2020 figures) and score card, as events carry them. */
public final class ReportFixtures {

    private ReportFixtures() {
    }

    /** @param personnel 工资福利 in 元: "6095200.00" as the sample (parts one fen short of the total) or "6095300.00" */
    /**
     * The figures the sample's 2020 report (自评报告) states about its 基本支出 and projects, in reading order
     * (万元 and %): what a reader of any format must find, whatever the renderers have in common.
     */
    public static final java.util.List<String> SAMPLE_FIGURES = java.util.List.of("637.88", "699.13", "61.25", "109.60",
            "609.53", "55.79", "33.81", "1154.00", "455.41", "776.00", "1231.41", "77.41", "106.71");

    public static String sheet(String departmentId, int year, long revision, String personnel, String rescueReason) {
        return """
                {"departmentId":"%s","fiscalYear":%d,"revision":%d,"locked":false,
                 "department":{"code":"401001","name":"中共长沙市望城区委政法委员会","jurisdiction":"望城区",
                   "duties":["统筹全区政法工作","组织社会治安综合治理；"],"divisions":["综合治理科","维稳指导科","执法监督科","政工室","防范协调科办公室"]},
                 "staffing":{"authorizedPosts":20,"staffInPost":22,"retiredSoldiers":1,"temporaryStaff":4,"secondedStaff":2,
                   "retirees":null,"staffInPostLastYear":18,"temporaryStaffLastYear":3,"overAuthorized":2,"version":0},
                 "basic":{"budget":"6378800.00","actual":"6991300.00","variance":"612500.00","executionRate":"109.60",
                   "personnelActual":"%s","subsidiesActual":"557900.00","publicFundsActual":"338100.00",
                   "publicFundsBudget":null,"partsSum":null,"partsDifference":null,"version":0},
                 "projects":[
                   {"id":11,"name":"平安望城保险","budget":"600000.00","adjustment":"0.00","adjustmentReason":null,"adjustedBudget":"600000.00","actualOwn":"652800.00","actualDirect":"0.00","actual":"652800.00","variance":"52800.00","executionRate":"108.80","keyProject":true,"version":0},
                   {"id":12,"name":"救助基金","budget":"0.00","adjustment":"701400.00","adjustmentReason":"上级补助","adjustedBudget":"701400.00","actualOwn":"701400.00","actualDirect":"0.00","actual":"701400.00","variance":"701400.00","executionRate":null,"keyProject":false,"version":0},
                   {"id":13,"name":"派驻组经费","budget":"0.00","adjustment":"90000.00","adjustmentReason":"派驻","adjustedBudget":"90000.00","actualOwn":"90000.00","actualDirect":"0.00","actual":"90000.00","variance":"90000.00","executionRate":null,"keyProject":false,"version":0},
                   {"id":14,"name":"见义勇为奖励金","budget":"200000.00","adjustment":"0.00","adjustmentReason":null,"adjustedBudget":"200000.00","actualOwn":"131000.00","actualDirect":"0.00","actual":"131000.00","variance":"-69000.00","executionRate":"65.50","keyProject":false,"version":0},
                   {"id":15,"name":"综治维稳经费","budget":"2980000.00","adjustment":"0.00","adjustmentReason":null,"adjustedBudget":"2980000.00","actualOwn":"2978900.00","actualDirect":"0.00","actual":"2978900.00","variance":"-1100.00","executionRate":"99.96","keyProject":true,"version":0},
                   {"id":16,"name":"平安望城建设","budget":"7760000.00","adjustment":"0.00","adjustmentReason":null,"adjustedBudget":"7760000.00","actualOwn":"0.00","actualDirect":"7760000.00","actual":"7760000.00","variance":"0.00","executionRate":"100.00","keyProject":true,"version":0}],
                 "projectTotals":{"count":6,"budget":"11540000.00","adjustment":"791400.00","adjustedBudget":"12331400.00","actualOwn":"4554100.00","actualDirect":"7760000.00","actual":"12314100.00","variance":"774100.00","executionRate":"106.71","keyProjectsActual":"11391700.00","keyProjectsShare":"92.51"},
                 "threePublic":null,"procurement":null,"carryOver":null,"assets":null,"monthlyPayments":null,
                 "varianceReasons":[
                   {"id":1,"line":"PROJECT","projectId":11,"amount":"52800.00","reason":"保险结算高于预算"},
                   {"id":2,"line":"PROJECT","projectId":12,"amount":"%s","reason":"上级补助，年初无预算"},
                   {"id":3,"line":"PROJECT","projectId":13,"amount":"90000.00","reason":"派驻人员工作经费"},
                   {"id":4,"line":"PROJECT","projectId":14,"amount":"-69000.00","reason":"奖励金发放少于预算"},
                   {"id":5,"line":"BASIC","projectId":null,"amount":"612500.00","reason":"人员增加，工资福利相应增加"}],
                 "reasonChecks":[]}"""
                .formatted(departmentId, year, revision, personnel, rescueReason);
    }

    /**
     * A score card with every indicator of evaluation-service's default template (read from its file),
     * with varied values and statuses, so the 自评表 has its real length.
     */
    public static java.util.List<io.jixiao.report.messaging.ReportEvents.ScoredItem> fullScoreItems() {
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.nio.file.Files.readString(
                    java.nio.file.Path.of(System.getProperty("user.dir")).resolve("../evaluation-service/src/main/resources/templates/default.json")));
            var out = new java.util.ArrayList<io.jixiao.report.messaging.ReportEvents.ScoredItem>();
            int i = 0;
            for (var l1 : json.get("levels")) {
                for (var l2 : l1.get("children")) {
                    for (var ind : l2.get("children")) {
                        java.math.BigDecimal pts = new java.math.BigDecimal(ind.get("points").asText());
                        String kind = ind.get("rule").get("kind").asText();
                        boolean qualitative = "qualitative".equals(kind);
                        String status = qualitative ? (i % 5 == 0 ? "PENDING_SELF_SCORE" : "SELF_SCORED") : (i % 7 == 3 ? "MISSING" : "SCORED");
                        String value = qualitative || "MISSING".equals(status) ? null : new java.math.BigDecimal(85 + (i * 7) % 30 + ".50").toPlainString();
                        java.math.BigDecimal score = switch (status) {
                            case "SCORED" -> pts.multiply(new java.math.BigDecimal("0.90"));
                            case "SELF_SCORED" -> pts.multiply(new java.math.BigDecimal("0.85"));
                            default -> java.math.BigDecimal.ZERO;
                        };
                        out.add(new io.jixiao.report.messaging.ReportEvents.ScoredItem(l1.get("name").asText(), l2.get("name").asText(),
                                ind.get("code").asText(), ind.get("name").asText(), pts.stripTrailingZeros().toPlainString(), value,
                                score.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), status));
                        i++;
                    }
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String fullScoreTotal(java.util.List<io.jixiao.report.messaging.ReportEvents.ScoredItem> items) {
        return items.stream().map(i -> new java.math.BigDecimal(i.score())).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).toPlainString();
    }

    public static String scoreItems() {
        return """
                [{"level1":"投入","level2":"预算配置","code":"staff-control-rate","name":"在职人员控制率","points":"3","value":"110.00","score":"0.00","status":"SCORED"},
                 {"level1":"过程","level2":"预算执行","code":"three-public-control-rate","name":"\\"三公经费\\"控制率","points":"4","value":null,"score":"0.00","status":"MISSING"},
                 {"level1":"效果","level2":"履职效益","code":"social-benefit","name":"社会效益","points":"8","value":null,"score":"0.00","status":"PENDING_SELF_SCORE"}]""";
    }
}
