package io.jixiao.evaluation.scoring;

/** Our own fixtures of budget-service's sheet: the sample department's 2020 as its report states it. */
public final class SampleSheet {

    private SampleSheet() {
    }

    /** The sheet JSON; basic and projects as the sample, 三公 and the rest not provided. */
    public static String sample2020(String departmentId, long revision, long basicVersion, String basicActual) {
        return """
                {"departmentId":"%s","fiscalYear":2020,"revision":%d,"locked":false,
                 "department":{"code":"401001","name":"中共长沙市望城区委政法委员会","jurisdiction":"望城区",
                   "duties":["统筹全区政法工作","组织社会治安综合治理"],"divisions":["综合治理科","维稳指导科","执法监督科","政工室","防范协调科办公室"]},
                 "staffing":{"authorizedPosts":20,"staffInPost":22,"retiredSoldiers":1,"temporaryStaff":4,"secondedStaff":2,
                   "retirees":null,"staffInPostLastYear":18,"temporaryStaffLastYear":3,"overAuthorized":2,"version":0},
                 "basic":{"budget":"6378800.00","actual":"%s","variance":"612500.00","executionRate":"109.60",
                   "personnelActual":"6095200.00","subsidiesActual":"557900.00","publicFundsActual":"338100.00",
                   "publicFundsBudget":null,"partsSum":"6991200.00","partsDifference":"100.00","version":%d},
                 "projects":[
                   {"id":1,"name":"平安望城意外伤害及监护人责任保险","budget":"600000.00","adjustment":"0.00","adjustmentReason":null,"adjustedBudget":"600000.00","actualOwn":"652800.00","actualDirect":"0.00","actual":"652800.00","variance":"52800.00","executionRate":"108.80","keyProject":true,"version":0},
                   {"id":2,"name":"上级补助奖金及各项救助基金","budget":"0.00","adjustment":"701400.00","adjustmentReason":"上级补助","adjustedBudget":"701400.00","actualOwn":"701400.00","actualDirect":"0.00","actual":"701400.00","variance":"701400.00","executionRate":null,"keyProject":false,"version":0},
                   {"id":3,"name":"派驻纪检监察组工作经费","budget":"0.00","adjustment":"90000.00","adjustmentReason":"派驻","adjustedBudget":"90000.00","actualOwn":"90000.00","actualDirect":"0.00","actual":"90000.00","variance":"90000.00","executionRate":null,"keyProject":false,"version":0},
                   {"id":4,"name":"见义勇为奖励金","budget":"200000.00","adjustment":"0.00","adjustmentReason":null,"adjustedBudget":"200000.00","actualOwn":"131000.00","actualDirect":"0.00","actual":"131000.00","variance":"-69000.00","executionRate":"65.50","keyProject":false,"version":0},
                   {"id":5,"name":"综治维稳工作经费","budget":"2980000.00","adjustment":"0.00","adjustmentReason":null,"adjustedBudget":"2980000.00","actualOwn":"2978900.00","actualDirect":"0.00","actual":"2978900.00","variance":"-1100.00","executionRate":"99.96","keyProject":true,"version":0},
                   {"id":6,"name":"平安望城建设（财政直接支付）","budget":"7760000.00","adjustment":"0.00","adjustmentReason":null,"adjustedBudget":"7760000.00","actualOwn":"0.00","actualDirect":"7760000.00","actual":"7760000.00","variance":"0.00","executionRate":"100.00","keyProject":true,"version":0}],
                 "projectTotals":{"count":6,"budget":"11540000.00","adjustment":"791400.00","adjustedBudget":"12331400.00","actualOwn":"4554100.00","actualDirect":"7760000.00","actual":"12314100.00","variance":"774100.00","executionRate":"106.71","keyProjectsActual":"11391700.00","keyProjectsShare":"92.51"},
                 "threePublic":null,"procurement":null,"carryOver":null,"assets":null,"monthlyPayments":null,
                 "varianceReasons":[],"reasonChecks":[]}"""
                .formatted(departmentId, revision, basicActual, basicVersion);
    }
}
