package io.jixiao.evaluation.scoring;

/**
 * 长沙市望城区教育局 2020 from budget-service's demo data (budget-service/src/main/resources/demo/departments.json),
 * as budget-service's sheet carries it: every figure a formula needs is there, so every formula gives a value.
 */
public final class EducationSheet {

    private EducationSheet() {
    }

    public static String sheet2020(String departmentId, long revision) {
        return """
                {"departmentId":"%s","fiscalYear":2020,"revision":%d,"locked":false,
                 "department":{"code":"402001","name":"长沙市望城区教育局","jurisdiction":"望城区","duties":["统筹全区各级各类教育发展规划"],"divisions":["办公室"]},
                 "staffing":{"authorizedPosts":48,"staffInPost":47,"retiredSoldiers":0,"temporaryStaff":5,"secondedStaff":0,"retirees":23,
                   "staffInPostLastYear":46,"temporaryStaffLastYear":6,"overAuthorized":null,"version":0},
                 "basic":{"budget":"10260000.00","actual":"9985400.00","variance":"-274600.00","executionRate":"97.32",
                   "personnelActual":"8790000.00","subsidiesActual":"640000.00","publicFundsActual":"555400.00",
                   "publicFundsBudget":"620000.00","partsSum":"9985400.00","partsDifference":"0.00","version":0},
                 "projects":[
                   {"id":11,"name":"义务教育公用经费补助","budget":"43500000.00","adjustment":"0.00","adjustmentReason":null,"adjustedBudget":"43500000.00","actualOwn":"43120000.00","actualDirect":"0.00","actual":"43120000.00","variance":"-380000.00","executionRate":"99.13","keyProject":true,"version":0},
                   {"id":12,"name":"校舍维修改造","budget":"8600000.00","adjustment":"0.00","adjustmentReason":null,"adjustedBudget":"8600000.00","actualOwn":"6210000.00","actualDirect":"1800000.00","actual":"8010000.00","variance":"-590000.00","executionRate":"93.14","keyProject":true,"version":0},
                   {"id":13,"name":"学生资助","budget":"3200000.00","adjustment":"0.00","adjustmentReason":null,"adjustedBudget":"3200000.00","actualOwn":"3200000.00","actualDirect":"0.00","actual":"3200000.00","variance":"0.00","executionRate":"100.00","keyProject":false,"version":0},
                   {"id":14,"name":"教师培训","budget":"900000.00","adjustment":"-200000.00","adjustmentReason":"疫情期间集中培训改为线上","adjustedBudget":"700000.00","actualOwn":"640000.00","actualDirect":"0.00","actual":"640000.00","variance":"-260000.00","executionRate":"91.43","keyProject":false,"version":0}],
                 "projectTotals":{"count":4,"budget":"56200000.00","adjustment":"-200000.00","adjustedBudget":"56000000.00","actualOwn":"53170000.00","actualDirect":"1800000.00","actual":"54970000.00","variance":"-1230000.00","executionRate":"98.16","keyProjectsActual":"51130000.00","keyProjectsShare":"93.01"},
                 "threePublic":{"overseasBudget":"0.00","overseasActual":"0.00","carsBudget":"110000.00","carsActual":"96000.00","receptionBudget":"50000.00","receptionActual":"22000.00","totalBudget":"160000.00","totalActual":"118000.00","budgetLastYear":"180000.00","version":0},
                 "procurement":{"budgetOrCurrent":"9500000.00","actualOrPrevious":"8730000.00"},
                 "carryOver":{"budgetOrCurrent":"2100000.00","actualOrPrevious":"2400000.00"},
                 "assets":{"total":"186000000.00","inUse":"179500000.00","utilisationRate":"96.51"},
                 "monthlyPayments":["3100000.00","2600000.00","4800000.00","5200000.00","4700000.00","6100000.00","4300000.00","3900000.00","6800000.00","4500000.00","5200000.00","11955400.00"],
                 "varianceReasons":[],"reasonChecks":[]}"""
                .formatted(departmentId, revision);
    }
}
