package io.jixiao.report.rest;

/**
 * OpenAPI examples of report-service: the sample department (d0000000-…-000000000001, 中共长沙市望城区委政法委员会)
 * in fiscal year 2020 with the demo figures; money in 元 as decimal strings where the API carries amounts, 万元
 * inside the report's own text. The narrative sentences are ours. Annotation values, so constants only.
 */
final class Examples {

    private Examples() {
    }

    static final String DEPT = "d0000000-0000-4000-8000-000000000001";

    // ------------------------------------------------------------------ problems (RFC 9457)

    static final String NOT_FOUND_REPORT = """
            {"type":"urn:jixiao:problem:report.not-found","title":"未找到","status":404,
             "detail":"2019 年度尚无报告数据：请先填报预算与支出数据。",
             "instance":"/api/v1/reports/d0000000-0000-4000-8000-000000000001/2019","code":"report.not-found"}""";

    static final String FORBIDDEN_DEPARTMENT = """
            {"type":"urn:jixiao:problem:department.forbidden","title":"无权访问","status":403,
             "detail":"您只能查看和填报本单位的数据。",
             "instance":"/api/v1/reports/d0000000-0000-4000-8000-000000000002/2020","code":"department.forbidden"}""";

    static final String NARRATIVE_INVALID = """
            {"type":"urn:jixiao:problem:request.invalid","title":"请求有误","status":400,
             "detail":"提交的数据有误，请按提示修改后重新提交。",
             "instance":"/api/v1/reports/d0000000-0000-4000-8000-000000000001/2020/narrative","code":"request.invalid",
             "errors":[{"field":"measures[2].problemRef","message":"这条措施所针对的问题不存在（问题可能已被删除），请重新选择。"}]}""";

    static final String VERSION_CONFLICT = """
            {"type":"urn:jixiao:problem:version.conflict","title":"数据冲突","status":409,
             "detail":"数据已被他人修改：请刷新后在最新数据上重新修改。",
             "instance":"/api/v1/reports/d0000000-0000-4000-8000-000000000001/2020/narrative","code":"version.conflict"}""";

    static final String FILING_BLOCKED = """
            {"type":"urn:jixiao:problem:filing.blocked","title":"无法处理","status":422,
             "detail":"报告有 1 个必须修改的问题，修改后才能提交。",
             "instance":"/api/v1/filings/d0000000-0000-4000-8000-000000000001/2020/submit","code":"filing.blocked",
             "errors":[{"field":"report.四.40","message":"第四部分“存在的问题及原因”尚未填写。"}]}""";

    static final String FILING_NOT_SUBMITTED = """
            {"type":"urn:jixiao:problem:filing.not-submitted","title":"数据冲突","status":409,
             "detail":"2020 年度自评当前状态为“已退回”：只能对已提交的报告退回或审核通过。",
             "instance":"/api/v1/filings/d0000000-0000-4000-8000-000000000001/2020/approve","code":"filing.not-submitted"}""";

    static final String COMMENT_REQUIRED = """
            {"type":"urn:jixiao:problem:request.invalid","title":"请求有误","status":400,
             "detail":"提交的数据有误，请按提示修改后重新提交。",
             "instance":"/api/v1/filings/d0000000-0000-4000-8000-000000000001/2020/return","code":"request.invalid",
             "errors":[{"field":"comment","message":"退回时请填写退回意见。"}]}""";

    static final String VERSION_NOT_FOUND = """
            {"type":"urn:jixiao:problem:filing.version-not-found","title":"未找到","status":404,
             "detail":"未找到第 3 次提交的版本。",
             "instance":"/api/v1/filings/d0000000-0000-4000-8000-000000000001/2020/versions/3/report.docx",
             "code":"filing.version-not-found"}""";

    static final String UPLOAD_UNSUPPORTED = """
            {"type":"urn:jixiao:problem:upload.ole2","title":"不支持的格式","status":415,
             "detail":"无法读取：这是旧版 .doc 文件或设有密码的文档。请另存为 .docx（不设密码）或 .txt 后再上传。",
             "instance":"/api/v1/checks","code":"upload.ole2",
             "errors":[{"field":"file","message":"无法读取：这是旧版 .doc 文件或设有密码的文档。请另存为 .docx（不设密码）或 .txt 后再上传。"}]}""";

    static final String SUMMARY_FORBIDDEN = """
            {"type":"urn:jixiao:problem:summary.bureau-only","title":"无权访问","status":403,
             "detail":"只有财政局（审核人员或数据接口）可以查看全区汇总。","instance":"/api/v1/reports/summary/export.xlsx",
             "code":"summary.bureau-only"}""";

    static final String BATCH_RUNNING = """
            {"type":"urn:jixiao:problem:batch.running","title":"数据冲突","status":409,
             "detail":"2020 年度已有批量生成任务正在进行（任务 0b6f3c52-4f7e-4d1e-9a51-0d7b3f0f6a10），请等待其完成后再发起。",
             "instance":"/api/v1/reports/batches","code":"batch.running"}""";

    static final String BATCH_NOT_FINISHED = """
            {"type":"urn:jixiao:problem:batch.not-finished","title":"数据冲突","status":409,
             "detail":"批量生成尚未完成（已处理 3/7 个单位），完成后才能下载。",
             "instance":"/api/v1/reports/batches/0b6f3c52-4f7e-4d1e-9a51-0d7b3f0f6a10/reports.zip","code":"batch.not-finished"}""";

    static final String REBUILD_RUNNING = """
            {"type":"urn:jixiao:problem:rebuild.running","title":"数据冲突","status":409,
             "detail":"报告数据正在重建（可能由本服务的另一个实例发起），同一时间只能进行一次重建，请等本次重建完成后再试。",
             "instance":"/api/v1/reports/read-model/rebuild","code":"rebuild.running"}""";

    static final String SECTION_NOT_FOUND = """
            {"type":"urn:jixiao:problem:report.section.not-found","title":"未找到","status":404,
             "detail":"2019 年度该报告章节尚无数据：请先填报预算数据，系统收到后自动生成。",
             "instance":"/api/v1/reports/d0000000-0000-4000-8000-000000000001/2019/sections/basic-expenditure",
             "code":"report.section.not-found"}""";

    // ------------------------------------------------------------------ the narrative

    static final String NARRATIVE_INPUT = """
            {"goals":"年初设定矛盾纠纷化解率不低于 95%、群众安全感测评不低于 95% 等目标。",
             "achievements":"全年化解矛盾纠纷 1260 件，化解率 97%。\\n\\n群众安全感测评达 96.5%。",
             "problems":[{"text":"部分项目年初预算编制不够细化，年中追加较多。","cause":"新增维稳任务在编制预算时未能预见"},
                         {"text":"年末实有在职在编人员超出编制 2 人。","cause":null}],
             "measures":[{"text":"细化项目预算编制，年初足额安排专项经费。","problemRef":1},
                         {"text":"严格控制年中追加，确需追加的事前报批。","problemRef":1},
                         {"text":"按编制核定人员，通过自然减员逐步消化超编。","problemRef":2}],
             "other":"无","version":3}""";

    static final String NARRATIVE = """
            {"goals":"年初设定矛盾纠纷化解率不低于 95%、群众安全感测评不低于 95% 等目标。",
             "achievements":"全年化解矛盾纠纷 1260 件，化解率 97%。\\n\\n群众安全感测评达 96.5%。",
             "problems":[{"text":"部分项目年初预算编制不够细化，年中追加较多。","cause":"新增维稳任务在编制预算时未能预见"},
                         {"text":"年末实有在职在编人员超出编制 2 人。","cause":null}],
             "measures":[{"text":"细化项目预算编制，年初足额安排专项经费。","problemRef":1},
                         {"text":"严格控制年中追加，确需追加的事前报批。","problemRef":1},
                         {"text":"按编制核定人员，通过自然减员逐步消化超编。","problemRef":2}],
             "other":"无","version":4,"updatedBy":"zfw"}""";

    // ------------------------------------------------------------------ the report

    static final String REPORT = """
            {"report":{"title":"2020 年度中共长沙市望城区委政法委员会整体支出绩效自评报告",
              "sections":[
               {"number":"一","title":"单位基本情况","parts":[{"heading":null,"paragraphs":[
                 "中共长沙市望城区委政法委员会内设综合治理科、维稳指导科、执法监督科、政工室、防范协调科办公室 5 个科室。单位编制数 20 人，年末实有在职在编 22 人，较上年增加 4 人。"]}]},
               {"number":"二","title":"整体预算支出情况","parts":[{"heading":"（一）基本支出情况","paragraphs":[
                 "本年度基本支出预算 637.88 万元，实际支出 699.13 万元，超出预算 61.25 万元，预算完成率 109.60%。其中：工资福利支出 609.53 万元，对个人和家庭的补助 55.79 万元，公用经费 33.81 万元。"]}]},
               {"number":"三","title":"整体支出绩效情况","parts":[{"heading":null,"paragraphs":[
                 "年初设定矛盾纠纷化解率不低于 95%、群众安全感测评不低于 95% 等目标。",
                 "经自评，本单位 2020 年度整体支出绩效得分 72.50 分，评价等级为“中”。"]}]},
               {"number":"四","title":"存在的问题及原因","parts":[{"heading":null,"paragraphs":[
                 "（一）部分项目年初预算编制不够细化，年中追加较多。原因：新增维稳任务在编制预算时未能预见。",
                 "（二）年末实有在职在编人员超出编制 2 人。"]}]},
               {"number":"五","title":"下一步改进措施","parts":[{"heading":null,"paragraphs":[
                 "（一）细化项目预算编制，年初足额安排专项经费（针对问题一）。",
                 "（二）严格控制年中追加，确需追加的事前报批（针对问题一）。",
                 "（三）按编制核定人员，通过自然减员逐步消化超编（针对问题二）。"]}]},
               {"number":"六","title":"其他需要说明的情况","parts":[{"heading":null,"paragraphs":["无"]}]}],
              "unit":"中共长沙市望城区委政法委员会","date":"2021年1月25日",
              "score":{"total":"72.50","grade":"中","rows":[
               {"level1":"过程","level2":"预算执行","name":"预算完成率","points":"4","value":"107.74%","score":"1.52","status":"按规则计分"}]},
              "projects":[{"name":"综治维稳工作经费","budget":"298.00","adjustment":"0.00","actualOwn":"297.89","actualDirect":"0.00",
               "actual":"297.89","executionRate":"99.96%","keyProject":true}]},
             "sheetRevision":9,"scoreRevision":9,"fatal":0,"warnings":1,
             "findings":[{"severity":"WARNING","tag":"ACCURACY","rule":"staff.over-authorized","section":"一","paragraph":3,
               "excerpt":"编制数 20 人，年末实有在职在编 22 人","message":"实有在职在编 22 人，超过编制数 20 人（超编 2 人）。",
               "expected":"在职人员不超过编制数，或说明超编原因"}],
             "text":"2020 年度中共长沙市望城区委政法委员会整体支出绩效自评报告\\n\\n一、单位基本情况\\n\\n…"}""";

    static final String PREVIEW = """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>2020 年度中共长沙市望城区委政法委员会整体支出绩效自评报告</title></head>
            <body><article><h1>2020 年度中共长沙市望城区委政法委员会整体支出绩效自评报告</h1><h2>五、下一步改进措施</h2>
            <p>（一）细化项目预算编制，年初足额安排专项经费（针对问题一）。</p></article></body></html>""";

    static final String SECTION = """
            {"departmentId":"d0000000-0000-4000-8000-000000000001","fiscalYear":2020,"sourceVersion":9,"pending":false,
             "heading":"（一）基本支出情况",
             "paragraphs":["本年度基本支出预算 637.88 万元，实际支出 699.13 万元，超出预算 61.25 万元，预算完成率 109.60%。"],
             "figures":{"budgetWan":"637.88","actualWan":"699.13","varianceWan":"61.25","rate":"109.60"}}""";

    // ------------------------------------------------------------------ filing

    static final String FILING = """
            {"departmentId":"d0000000-0000-4000-8000-000000000001","fiscalYear":2020,"status":"SUBMITTED","latestVersion":2,
             "versions":[
              {"number":1,"submittedAt":"2021-01-25T02:10:00Z","submittedBy":"zfw",
               "contentHash":"5d41402abc4b2a76b9719d911017c592a7f0e4d5c0c1f3b2e9a8d7c6b5a49382","sheetRevision":9,"evaluationRevision":14,
               "documents":{"html":"a3f5c8e1d2b4f6a7c9e0d1b2a3f4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2",
                            "docx":"0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d",
                            "pdf":"e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0"}},
              {"number":2,"submittedAt":"2021-01-28T07:45:00Z","submittedBy":"zfw",
               "contentHash":"7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c","sheetRevision":10,
               "documents":{"html":"1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c",
                            "docx":"c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4",
                            "pdf":"f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7"}}],
             "history":[
              {"step":"SUBMITTED","filingVersion":1,"actor":"zfw","at":"2021-01-25T02:10:00Z","comment":null},
              {"step":"RETURNED","filingVersion":1,"actor":"reviewer","at":"2021-01-26T03:00:00Z","comment":"请补充项目支出差异原因"},
              {"step":"SUBMITTED","filingVersion":2,"actor":"zfw","at":"2021-01-28T07:45:00Z","comment":null}]}""";

    static final String FILING_DRAFT_SUBMITTED = """
            {"departmentId":"d0000000-0000-4000-8000-000000000001","fiscalYear":2020,"status":"SUBMITTED","latestVersion":1,
             "versions":[{"number":1,"submittedAt":"2021-01-25T02:10:00Z","submittedBy":"zfw",
               "contentHash":"5d41402abc4b2a76b9719d911017c592a7f0e4d5c0c1f3b2e9a8d7c6b5a49382","sheetRevision":9,"evaluationRevision":14,
               "documents":{"html":"a3f5c8e1d2b4f6a7c9e0d1b2a3f4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2",
                            "docx":"0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d",
                            "pdf":"e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0"}}],
             "history":[{"step":"SUBMITTED","filingVersion":1,"actor":"zfw","at":"2021-01-25T02:10:00Z","comment":null}]}""";

    static final String FILING_SUBMITTING = """
            {"departmentId":"d0000000-0000-4000-8000-000000000001","fiscalYear":2020,"status":"SUBMITTING","latestVersion":1,
             "versions":[],
             "history":[{"step":"SUBMITTED","filingVersion":1,"actor":"zfw","at":"2021-01-25T02:10:00Z","comment":null}]}""";

    static final String FILING_RETURNED = """
            {"departmentId":"d0000000-0000-4000-8000-000000000001","fiscalYear":2020,"status":"RETURNED","latestVersion":1,
             "versions":[{"number":1,"submittedAt":"2021-01-25T02:10:00Z","submittedBy":"zfw",
               "contentHash":"5d41402abc4b2a76b9719d911017c592a7f0e4d5c0c1f3b2e9a8d7c6b5a49382","sheetRevision":9,"evaluationRevision":14,
               "documents":{"html":"a3f5c8e1d2b4f6a7c9e0d1b2a3f4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2",
                            "docx":"0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d",
                            "pdf":"e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0"}}],
             "history":[{"step":"SUBMITTED","filingVersion":1,"actor":"zfw","at":"2021-01-25T02:10:00Z","comment":null},
              {"step":"RETURNED","filingVersion":1,"actor":"reviewer","at":"2021-01-26T03:00:00Z","comment":"请补充项目支出差异原因"}]}""";

    static final String FILING_APPROVED = """
            {"departmentId":"d0000000-0000-4000-8000-000000000001","fiscalYear":2020,"status":"APPROVED","latestVersion":1,
             "versions":[{"number":1,"submittedAt":"2021-01-25T02:10:00Z","submittedBy":"zfw",
               "contentHash":"5d41402abc4b2a76b9719d911017c592a7f0e4d5c0c1f3b2e9a8d7c6b5a49382","sheetRevision":9,"evaluationRevision":14,
               "documents":{"html":"a3f5c8e1d2b4f6a7c9e0d1b2a3f4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2",
                            "docx":"0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d",
                            "pdf":"e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0"}}],
             "history":[{"step":"SUBMITTED","filingVersion":1,"actor":"zfw","at":"2021-01-25T02:10:00Z","comment":null},
              {"step":"APPROVED","filingVersion":1,"actor":"reviewer","at":"2021-01-27T01:30:00Z","comment":"同意"}]}""";

    static final String RETURN_INPUT = """
            {"comment":"请补充项目支出差异原因"}""";

    static final String APPROVE_INPUT = """
            {"comment":"同意"}""";

    // ------------------------------------------------------------------ checker

    static final String CHECK_RESULT = """
            {"format":"text/utf-8","paragraphs":68,"fatal":2,"warnings":1,"findings":[
              {"severity":"FATAL","tag":"EXISTENCE","rule":"outline.missing-section","section":"四","paragraph":49,"excerpt":"",
               "message":"缺少第四部分“四、存在的问题及原因”（按检测到的提纲：六部分提纲（单位基本情况…其他需要说明的情况））。","expected":"四、存在的问题及原因"},
              {"severity":"FATAL","tag":"ACCURACY","rule":"variance.mismatch","section":"二","paragraph":21,
               "excerpt":"…超出预算 61.24 万元","message":"差异金额与预算、实际不一致：699.13 − 637.88 = 61.25 万元，文中为 61.24 万元。",
               "expected":"61.25 万元"},
              {"severity":"WARNING","tag":"ACCURACY","rule":"staff.over-authorized","section":"一","paragraph":4,
               "excerpt":"编制数 20 人……在职在编 22 人","message":"实有在职在编 22 人，超过编制数 20 人（超编 2 人）。",
               "expected":"在职人员不超过编制数，或说明超编原因"}],"truncated":false}""";

    static final String CHECK_INPUT = """
            2020 年度某单位整体支出绩效自评报告

            一、单位基本情况

            单位编制数 20 人，年末实有在职在编 22 人。

            二、整体预算支出情况

            （一）基本支出情况

            本年度基本支出预算 637.88 万元，实际支出 699.13 万元，超出预算 61.24 万元。
            """;
}
