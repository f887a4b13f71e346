package io.jixiao.evaluation.rest;

/**
 * OpenAPI examples of evaluation-service: the sample department (d0000000-…-000000000001, 中共长沙市望城区委政法委员会)
 * in fiscal year 2020 as the demo data scores it; money in 元 as decimal strings. Annotation values, so constants only.
 */
final class Examples {

    private Examples() {
    }

    /** GET /evaluations/{d}/{y} (3 of the 28 items and 1 of the indicators shown), up to the total. */
    private static final String CARD_START = """
            {"departmentId":"d0000000-0000-4000-8000-000000000001","fiscalYear":2020,"sourceVersion":0,"revision":9,
             "indicators":[{"code":"basic-completion-rate","name":"基本支出预算完成率","nameEn":"Basic expenditure completion rate",
               "value":"109.60","unit":"%","formula":"基本支出实际 / 基本支出预算 × 100%",
               "inputs":[{"name":"基本支出实际（元）","value":"6991300.00","source":"budget.events BudgetFiguresChanged v1 r9 3f6e0c52-8d1a-4b7e-9c2f-5a1d7e4b9c10"},
                         {"name":"基本支出预算（元）","value":"6378800.00","source":"budget.events BudgetFiguresChanged v1 r9 3f6e0c52-8d1a-4b7e-9c2f-5a1d7e4b9c10"}],"missing":false,"sourceVersion":9}],
             "score":{"templateCode":"default-2013","templateId":1,"templateVersion":1,"templatePinned":false,
              "total":""";

    private static final String CARD_ITEMS = """
            ,"grade":"差","maxPoints":100,
              "items":[
               {"level1":"过程","level2":"预算执行","code":"budget-completion-rate","name":"预算完成率","points":4,"ruleKind":"target",
                "ruleText":"目标值 100%：每偏离 1 个百分点扣分值的 8%","rule":{"kind":"target","target":100,"threshold":null,"deductPerPoint":0.08,"bands":null},
                "value":107.74,"score":1.52,"status":"SCORED","explanation":"目标 100%，实际 107.74%，每偏离 1 个百分点扣 8% 分值，扣 2.48 分",
                "calculation":{"code":"budget-completion-rate","name":"预算完成率","nameEn":"Budget completion rate","value":107.74,"unit":"%",
                  "formula":"预算完成数 / 预算数 × 100%（基本支出 + 项目支出）",
                  "inputs":[{"name":"预算完成数（元）","value":"19305400.00","source":"budget.events BudgetFiguresChanged v1 r9 3f6e0c52-8d1a-4b7e-9c2f-5a1d7e4b9c10"},
                            {"name":"预算数（元）","value":"17918800.00","source":"budget.events BudgetFiguresChanged v1 r9 3f6e0c52-8d1a-4b7e-9c2f-5a1d7e4b9c10"}],"missing":false},
                "adjustedScore":null,"adjustment":null,"selfScoreVersion":null,"adjustmentVersion":null,
                "level1En":"Process","level2En":"Budget execution","nameEn":"Budget completion rate"},
               {"level1":"过程","level2":"预算执行","code":"three-public-control-rate","name":"\\"三公经费\\"控制率","points":4,"ruleKind":"ceiling",
                "ruleText":"上限 100%：每超 1 个百分点扣分值的 10%","rule":{"kind":"ceiling","target":null,"threshold":100,"deductPerPoint":0.10,"bands":null},
                "value":null,"score":0.00,"status":"MISSING","explanation":"数据缺失：未填报 三公实际（元）、三公预算（元），按 0 分计",
                "calculation":{"code":"three-public-control-rate","name":"\\"三公经费\\"控制率","nameEn":"Control rate of the three public expenses",
                  "value":null,"unit":"%","formula":"三公实际 / 三公预算 × 100%",
                  "inputs":[{"name":"三公实际（元）","value":null,"source":"budget.events BudgetFiguresChanged v1 r9 3f6e0c52-8d1a-4b7e-9c2f-5a1d7e4b9c10"},{"name":"三公预算（元）","value":null,"source":"budget.events BudgetFiguresChanged v1 r9 3f6e0c52-8d1a-4b7e-9c2f-5a1d7e4b9c10"}],"missing":true},
                "adjustedScore":null,"adjustment":null,"selfScoreVersion":null,"adjustmentVersion":null,
                "level1En":"Process","level2En":"Budget execution","nameEn":"Control rate of the three public expenses"},""";

    private static final String CARD_END = """
                          "missing":["\\"三公经费\\"变动率","支付进度率","结转结余率","结转结余变动率","公用经费控制率","\\"三公经费\\"控制率","政府采购执行率",
                         "固定资产利用率","实际完成率","完成及时率","质量达标率","重点工作办结率"],
              "projects":[{"projectId":5,"name":"综治维稳工作经费","keyProject":true,"budget":2980000.00,"adjustedBudget":2980000.00,"actual":2978900.00,
                "parts":[{"code":"budget-execution","name":"预算执行率","points":10,"value":99.96,"score":10.00,"status":"SCORED",
                  "formula":"全年执行数 / 全年预算数（年初预算 ± 调整）× 100%；得分 = 分值 × min(执行率, 100%)",
                  "explanation":"得分 = 10 × min(99.96%, 100%) = 10.00",
                  "inputs":[{"name":"全年执行数（元）","value":"2978900.00","source":"budget.events BudgetFiguresChanged v1 r9 3f6e0c52-8d1a-4b7e-9c2f-5a1d7e4b9c10"},{"name":"全年预算数（元）","value":"2980000.00","source":"budget.events BudgetFiguresChanged v1 r9 3f6e0c52-8d1a-4b7e-9c2f-5a1d7e4b9c10"}],
                  "indicators":[]},
                 {"code":"output","name":"产出指标","points":50,"value":null,"score":0.00,"status":"MISSING",
                  "formula":"分值由各指标平均分配：达到指标值得满分，未达到按完成比例得分；定性指标按自评档次得分",
                  "explanation":"数据缺失：尚未设置产出指标，按 0 分计","inputs":[],"indicators":[]}],
                "total":10.00,"grade":"差","missing":["产出指标","效益指标","满意度指标"]}]}}""";

    private static final String PENDING = """
                           {"level1":"效果","level2":"履职效益","code":"social-benefit","name":"社会效益","points":8,"ruleKind":"qualitative",
                "ruleText":"定性：好 80–100%，中 60–80%，差 0–60%，须附佐证","rule":{"kind":"qualitative","target":null,"threshold":null,"deductPerPoint":null,"bands":null},
                "value":null,"score":0.00,"status":"PENDING_SELF_SCORE","explanation":"尚未自评：按 0 分计","calculation":null,
                "adjustedScore":null,"adjustment":null,"selfScoreVersion":null,"adjustmentVersion":null,
                "level1En":"Effect","level2En":"Benefits of the duties performed","nameEn":"Social benefit"}],""";

    private static final String SELF_SCORED = """
                           {"level1":"效果","level2":"履职效益","code":"social-benefit","name":"社会效益","points":8,"ruleKind":"qualitative",
                "ruleText":"定性：好 80–100%，中 60–80%，差 0–60%，须附佐证","rule":{"kind":"qualitative","target":null,"threshold":null,"deductPerPoint":null,"bands":null},
                "value":null,"score":7.20,"status":"SELF_SCORED","explanation":"全年调处矛盾纠纷 312 件，调处成功率 98%","calculation":null,
                "adjustedScore":null,"adjustment":null,"selfScoreVersion":0,"adjustmentVersion":null,
                "level1En":"Effect","level2En":"Benefits of the duties performed","nameEn":"Social benefit"}],""";

    private static final String ADJUSTED = """
                           {"level1":"效果","level2":"履职效益","code":"social-benefit","name":"社会效益","points":8,"ruleKind":"qualitative",
                "ruleText":"定性：好 80–100%，中 60–80%，差 0–60%，须附佐证","rule":{"kind":"qualitative","target":null,"threshold":null,"deductPerPoint":null,"bands":null},
                "value":null,"score":7.20,"status":"SELF_SCORED","explanation":"全年调处矛盾纠纷 312 件，调处成功率 98%","calculation":null,
                "adjustedScore":6.40,"adjustment":\"佐证材料未附调处台账，按中档上限调整\","selfScoreVersion":0,"adjustmentVersion":0,
                "level1En":"Effect","level2En":"Benefits of the duties performed","nameEn":"Social benefit"}],""";

    /** The card before any self-score or adjustment. */
    static final String EVALUATION_READ = CARD_START + "6.82" + CARD_ITEMS + PENDING + CARD_END;

    /** After the department self-scored 社会效益 (good, 7.20 of 8). */
    static final String EVALUATION_SELF_SCORED = CARD_START + "14.02" + CARD_ITEMS + SELF_SCORED + CARD_END;

    /** After the bureau adjusted 社会效益 to 6.40 with its reason. */
    static final String EVALUATION_ADJUSTED = CARD_START + "13.22" + CARD_ITEMS + ADJUSTED + CARD_END;

    /** GET /evaluations/{d}/{y}/projects (1 of the 6 projects shown). */
    static final String PROJECTS = """
            {"departmentId":"d0000000-0000-4000-8000-000000000001","fiscalYear":2020,"revision":9,"templateId":1,"templateVersion":1,
             "templatePinned":false,"weights":{"budgetExecution":10,"output":50,"benefit":30,"satisfaction":10},
             "projects":[""" + ProjectResource.PROJECT_EXAMPLE + "]}";

    static final String SELF_SCORE_INPUT = """
            {"tier":"GOOD","score":7.20,"evidence":"全年调处矛盾纠纷 312 件，调处成功率 98%","version":null}""";

    static final String ADJUSTMENT_INPUT = """
            {"score":6.40,"comment":"佐证材料未附调处台账，按中档上限调整","version":null}""";

    static final String GOALS = """
            {"version":2,"indicators":[
              {"id":41,"goal":"维护社会稳定","category":"QUANTITY","name":"排查调处矛盾纠纷","unit":"件","direction":"GE","target":300,"actual":312,"keyTask":true,"met":true},
              {"id":42,"goal":"维护社会稳定","category":"QUALITY","name":"调处成功率","unit":"%","direction":"GE","target":100,"actual":98,"keyTask":false,"met":false},
              {"id":43,"goal":"平安望城建设","category":"TIMELINESS","name":"重点项目按期完成","unit":"项","direction":"GE","target":6,"actual":null,"keyTask":true,"met":null}]}""";

    static final String GOALS_INPUT = """
            {"version":1,"goals":[
              {"goal":"维护社会稳定","indicators":[
                {"category":"QUANTITY","name":"排查调处矛盾纠纷","unit":"件","direction":"GE","target":300,"actual":312,"keyTask":true},
                {"category":"QUALITY","name":"调处成功率","unit":"%","direction":"GE","target":100,"actual":98,"keyTask":false}]},
              {"goal":"平安望城建设","indicators":[
                {"category":"TIMELINESS","name":"重点项目按期完成","unit":"项","direction":"GE","target":6,"actual":null,"keyTask":true}]}]}""";

    /** The same card read with Accept-Language: en (one item shown): names stay data, nameEn beside them. */
    static final String EVALUATION_EN = """
            {"departmentId":"d0000000-0000-4000-8000-000000000001","fiscalYear":2020,"sourceVersion":0,"revision":9,"indicators":[],
             "score":{"templateCode":"default-2013","templateId":1,"templateVersion":1,"templatePinned":false,
              "total":6.82,"grade":"差","maxPoints":100,
              "items":[{"level1":"过程","level2":"预算执行","code":"budget-completion-rate","name":"预算完成率","points":4,"ruleKind":"target",
                "ruleText":"Target 100%: each percentage point off the target deducts 8% of the points",
                "rule":{"kind":"target","target":100,"threshold":null,"deductPerPoint":0.08,"bands":null},
                "value":107.74,"score":1.52,"status":"SCORED",
                "explanation":"Target 100%, actual 107.74%: each percentage point off the target deducts 8% of the points; 2.48 points deducted",
                "calculation":{"code":"budget-completion-rate","name":"预算完成率","nameEn":"Budget completion rate","value":107.74,"unit":"%",
                  "formula":"budget spent / budget × 100% (basic expenditure + projects)",
                  "inputs":[{"name":"Budget spent (yuan)","value":"19305400.00","source":"budget.events BudgetFiguresChanged v1 r9 3f6e0c52-8d1a-4b7e-9c2f-5a1d7e4b9c10"},
                            {"name":"Budget (yuan)","value":"17918800.00","source":"budget.events BudgetFiguresChanged v1 r9 3f6e0c52-8d1a-4b7e-9c2f-5a1d7e4b9c10"}],"missing":false},
                "adjustedScore":null,"adjustment":null,"selfScoreVersion":null,"adjustmentVersion":null,
                "level1En":"Process","level2En":"Budget execution","nameEn":"Budget completion rate"}],
              "missing":["Change rate of the three public expenses","Payment progress rate"],"projects":[]}}""";

    static final String NOT_FOUND = """
            {"type":"urn:jixiao:problem:evaluation.not-found","title":"未找到","status":404,
             "detail":"2020 年度尚无评价结果：请先填报预算数据，系统收到后自动计算。",
             "instance":"/api/v1/evaluations/d0000000-0000-4000-8000-000000000001/2020","code":"evaluation.not-found"}""";

    static final String SELF_SCORE_OUTSIDE_TIER = """
            {"type":"urn:jixiao:problem:self-score.outside-tier","title":"请求有误","status":400,
             "detail":"自评分须在所选档次的分值范围内（6.4–8 分）。",
             "instance":"/api/v1/evaluations/d0000000-0000-4000-8000-000000000001/2020/self-scores/social-benefit","code":"self-score.outside-tier",
             "errors":[{"field":"score","message":"超出所选档次的分值范围。"}]}""";

    static final String FILING_LOCKED = """
            {"type":"urn:jixiao:problem:filing.locked","title":"数据冲突","status":409,
             "detail":"2020 年度自评已提交，数据已锁定：请财政局退回后再修改。",
             "instance":"/api/v1/evaluations/d0000000-0000-4000-8000-000000000001/2020/self-scores/social-benefit","code":"filing.locked"}""";

    static final String ABOVE_POINTS = """
            {"type":"urn:jixiao:problem:adjustment.above-points","title":"请求有误","status":400,
             "detail":"调整后的得分不能超过该指标的分值 8 分。",
             "instance":"/api/v1/evaluations/d0000000-0000-4000-8000-000000000001/2020/adjustments/social-benefit","code":"adjustment.above-points",
             "errors":[{"field":"score","message":"超过指标分值。"}]}""";

    static final String GOALS_INVALID = """
            {"type":"urn:jixiao:problem:request.invalid","title":"请求有误","status":400,
             "detail":"提交的数据有误，请按提示修改后重新提交。",
             "instance":"/api/v1/goals/d0000000-0000-4000-8000-000000000001/2020","code":"request.invalid",
             "errors":[{"field":"goals[0].indicators[1].target","message":"以 % 计的指标值不能超过 100。"},
                       {"field":"goals[1].indicators[0].unit","message":"不支持的计量单位。"}]}""";

    static final String PROJECT_INDICATORS_INVALID = """
            {"type":"urn:jixiao:problem:request.invalid","title":"请求有误","status":400,
             "detail":"提交的数据有误，请按提示修改后重新提交。",
             "instance":"/api/v1/evaluations/d0000000-0000-4000-8000-000000000001/2020/projects/5/indicators","code":"request.invalid",
             "errors":[{"field":"indicators[0].unit","message":"不支持的计量单位。"},
                       {"field":"indicators[2].selfScorePercent","message":"超出所选档次的分值范围。"}]}""";

    static final String VERSION_CONFLICT_ASSIGNMENT = """
            {"type":"urn:jixiao:problem:version.conflict","title":"数据冲突","status":409,
             "detail":"数据已被他人修改：请刷新后在最新数据上重新修改。",
             "instance":"/api/v1/templates/assignments/望城区/2020","code":"version.conflict"}""";

    static final String ASSIGNMENT_SCOPE = """
            {"type":"urn:jixiao:problem:template.invalid","title":"请求有误","status":400,
             "detail":"模板有 1 处错误，请按提示修改后重新保存。",
             "instance":"/api/v1/templates/assignments/望城区/2020","code":"template.invalid",
             "errors":[{"field":"templateId","message":"只能分配为该区县和年度复制的模板。"}]}""";

    static final String COPY_INVALID = """
            {"type":"urn:jixiao:problem:template.invalid","title":"请求有误","status":400,
             "detail":"模板有 1 处错误，请按提示修改后重新保存。",
             "instance":"/api/v1/templates/1/copies","code":"template.invalid",
             "errors":[{"field":"fiscalYear","message":"请填写 2000 到 2100 之间的年度。"}]}""";
}
