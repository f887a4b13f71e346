package io.jixiao.report.assembly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.jixiao.platform.money.Money;
import io.jixiao.report.domain.Narrative;
import io.jixiao.report.messaging.ReportEvents;

/**
 * Writes the report from the data: every figure in the text comes from the sheet and the score card,
 * so the text cannot disagree with them; the department's own words come from its narrative.
 */
public final class ReportAssembler {

    private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    static final String TO_BE_WRITTEN = "（待填写）";

    /**
     * The department's own words: goals, achievements and other notes as plain text (paragraphs separated
     * by blank lines); problems and measures as items, each measure naming the problem it answers.
     */
    public record NarrativeText(String goals, String achievements, List<Narrative.Problem> problems,
            List<Narrative.Measure> measures, String other) {
        public static final NarrativeText EMPTY = new NarrativeText("", "", List.of(), List.of(), "");
    }

    public record ScoreInput(String total, String grade, List<ReportEvents.ScoredItem> items) {
    }

    private ReportAssembler() {
    }

    public static Report assemble(BudgetSheet s, ScoreInput score, NarrativeText n, LocalDate date) {
        String unit = s.department() == null ? s.departmentId() : s.department().name();
        List<Report.Section> sections = List.of(
                new Report.Section("一", "单位基本情况", basicInformation(s, unit)),
                new Report.Section("二", "整体预算支出情况", budget(s)),
                new Report.Section("三", "整体支出绩效情况", performance(s, score, n)),
                new Report.Section("四", "存在的问题及原因", List.of(new Report.Part(null, problems(n.problems())))),
                new Report.Section("五", "下一步改进措施", List.of(new Report.Part(null, measures(n.measures(),
                        n.problems() == null ? 0 : n.problems().size())))),
                new Report.Section("六", "其他需要说明的情况", List.of(new Report.Part(null,
                        paragraphs(n.other()).isEmpty() ? List.of("无") : paragraphs(n.other())))));
        List<Report.ProjectRow> projects = s.projects() == null ? List.of() : s.projects().stream()
                .map(p -> new Report.ProjectRow(p.name(), wan(p.budget()), wan(p.adjustment()), wan(p.actualOwn()),
                        wan(p.actualDirect()), wan(p.actual()), p.executionRate() == null ? "—" : p.executionRate().toPlainString() + "%",
                        p.keyProject()))
                .toList();
        Report.Score scoreTable = score == null ? null : new Report.Score(score.total(), score.grade(), score.items().stream()
                .map(i -> new Report.ScoreRow(i.level1(), i.level2(), i.name(), i.points(),
                        i.value() == null ? "—" : i.value() + "%", i.score(), statusText(i.status())))
                .toList());
        return new Report(s.fiscalYear() + " 年度" + unit + "整体支出绩效自评报告", sections, unit,
                date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日", scoreTable, projects);
    }

    private static List<Report.Part> basicInformation(BudgetSheet s, String unit) {
        List<String> paras = new ArrayList<>();
        StringBuilder p = new StringBuilder(unit);
        List<String> divisions = s.department() == null ? List.of() : s.department().divisions();
        if (!divisions.isEmpty()) {
            p.append("内设").append(String.join("、", divisions)).append(' ').append(divisions.size()).append(" 个科室。");
        } else {
            p.append("。");
        }
        BudgetSheet.Staffing st = s.staffing();
        if (st != null && st.authorizedPosts() != null && st.staffInPost() != null) {
            p.append("单位编制数 ").append(st.authorizedPosts()).append(" 人，年末实有在职在编 ").append(st.staffInPost()).append(" 人");
            if (st.staffInPostLastYear() != null) {
                int change = st.staffInPost() - st.staffInPostLastYear();
                p.append(change > 0 ? "，较上年增加 " + change + " 人" : change < 0 ? "，较上年减少 " + (-change) + " 人" : "，与上年持平");
            }
            p.append("。");
            List<String> others = new ArrayList<>();
            add(others, "退役士官", st.retiredSoldiers());
            add(others, "临聘人员", st.temporaryStaff());
            add(others, "派驻人员", st.secondedStaff());
            add(others, "离退休人员", st.retirees());
            if (!others.isEmpty()) {
                p.append("另有").append(String.join("、", others)).append("。");
            }
        }
        paras.add(p.toString());
        List<String> duties = s.department() == null ? List.of() : s.department().duties();
        if (!duties.isEmpty()) {
            paras.add("主要职能职责如下：");
            for (int i = 0; i < duties.size(); i++) {
                String mark = i < CIRCLED.length() ? String.valueOf(CIRCLED.charAt(i)) : "（" + (i + 1) + "）";
                paras.add(mark + sentence(duties.get(i)));
            }
        }
        return List.of(new Report.Part(null, paras));
    }

    private static List<Report.Part> budget(BudgetSheet s) {
        List<Report.Part> parts = new ArrayList<>();
        BudgetSheet.Basic b = s.basic();
        if (b == null) {
            parts.add(new Report.Part("（一）基本支出情况", List.of("本年度基本支出尚未填报。")));
        } else {
            BasicExpenditureSection.Rendered r = BasicExpenditureSection.render(new BasicExpenditureSection.Figures(
                    b.budget(), b.actual(), b.variance(), Money.ratio(b.actual(), b.budget()) == null ? null
                            : Money.percent(Money.ratio(b.actual(), b.budget())),
                    Money.ratio(b.actual(), b.budget()) == null));
            StringBuilder p = new StringBuilder(r.paragraphs().get(0));
            if (b.personnelActual() != null && b.subsidiesActual() != null && b.publicFundsActual() != null) {
                p.append("其中：工资福利支出 ").append(wan(b.personnelActual())).append(" 万元，对个人和家庭的补助 ")
                        .append(wan(b.subsidiesActual())).append(" 万元，公用经费 ").append(wan(b.publicFundsActual()))
                        .append(" 万元。");
            }
            p.append(reasons(s, "BASIC"));
            parts.add(new Report.Part(r.heading(), List.of(p.toString())));
        }
        BudgetSheet.ProjectTotals t = s.projectTotals();
        if (t == null) {
            parts.add(new Report.Part("（二）项目支出情况", List.of("本年度无项目支出。")));
        } else {
            StringBuilder p = new StringBuilder("本年度项目支出预算 ").append(wan(t.budget())).append(" 万元，");
            if (t.actualDirect().signum() > 0) {
                p.append("实际支出 ").append(wan(t.actualOwn())).append(" 万元，另有 ").append(wan(t.actualDirect()))
                        .append(" 万元由财政直接支付。调整后实际项目支出为 ").append(wan(t.actual())).append(" 万元，");
            } else {
                p.append("实际支出 ").append(wan(t.actual())).append(" 万元，");
            }
            int sign = t.variance().signum();
            p.append(sign > 0 ? "超出预算 " + wan(t.variance()) + " 万元，" : sign < 0 ? "比预算节约 " + wan(t.variance().abs()) + " 万元，" : "与预算持平，");
            p.append(t.executionRate() == null ? "预算数为零，预算完成率无法计算（数据缺失）。"
                    : "预算完成率 " + t.executionRate().toPlainString() + "%。");
            p.append(reasons(s, "PROJECTS"));
            parts.add(new Report.Part("（二）项目支出情况", List.of(p.toString())));
        }
        return parts;
    }

    /**
     * The variance reasons of a line, worded so that each states the amount it explains; the checker
     * adds them up against the variance, so unbalanced reasons show in the report too.
     */
    private static String reasons(BudgetSheet s, String line) {
        List<BudgetSheet.Reason> reasons = s.varianceReasons() == null ? List.of() : s.varianceReasons().stream()
                .filter(r -> line.equals(r.line()) || ("PROJECTS".equals(line) && "PROJECT".equals(r.line())))
                .toList();
        if (reasons.isEmpty()) {
            return "";
        }
        List<String> clauses = new ArrayList<>();
        for (BudgetSheet.Reason r : reasons) {
            String project = r.projectId() == null || s.projects() == null ? "" : s.projects().stream()
                    .filter(p -> Objects.equals(p.id(), r.projectId())).map(p -> p.name() + "：").findFirst().orElse("");
            String reason = r.reason().replaceAll("[。；;，,]+$", "");
            clauses.add(project + reason + "，" + (r.amount().signum() >= 0 ? "增加支出 " : "减少支出 ")
                    + wan(r.amount().abs()) + " 万元");
        }
        return "差异主要原因为：" + String.join("；", clauses) + "。";
    }

    private static List<Report.Part> performance(BudgetSheet s, ScoreInput score, NarrativeText n) {
        List<String> paras = new ArrayList<>();
        paras.addAll(paragraphs(n.goals()).isEmpty() ? List.of("绩效目标：" + TO_BE_WRITTEN) : paragraphs(n.goals()));
        if (score != null) {
            StringBuilder p = new StringBuilder("经自评，本单位 ").append(s.fiscalYear()).append(" 年度整体支出绩效得分 ")
                    .append(score.total()).append(" 分，评价等级为“").append(score.grade()).append("”。");
            List<String> missing = score.items().stream().filter(i -> "MISSING".equals(i.status()))
                    .map(ReportEvents.ScoredItem::name).toList();
            if (!missing.isEmpty()) {
                p.append("因数据缺失按 0 分计的指标 ").append(missing.size()).append(" 项：").append(String.join("、", missing)).append("。");
            }
            long pending = score.items().stream().filter(i -> "PENDING_SELF_SCORE".equals(i.status())).count();
            if (pending > 0) {
                p.append("尚未自评的定性指标 ").append(pending).append(" 项，暂按 0 分计。");
            }
            paras.add(p.toString());
        }
        List<String> achievements = numberedThree(n.achievements());
        paras.addAll(achievements);
        return List.of(new Report.Part(null, paras));
    }

    /** 四: the problems numbered （一）（二）… as second-level items, each with its cause when given. */
    static List<String> problems(List<Narrative.Problem> problems) {
        if (problems == null || problems.isEmpty()) {
            return List.of(TO_BE_WRITTEN);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            Narrative.Problem p = problems.get(i);
            String cause = p.cause() == null || p.cause().isBlank() ? "" : "原因：" + sentence(oneLine(p.cause()));
            out.add(marker(i + 1) + sentence(oneLine(p.text())) + cause);
        }
        return out;
    }

    /**
     * 五: the measures numbered （一）（二）…, each ending with the problem it answers, "（针对问题二）", in the
     * numbering of 四. A measure without a valid link (converted from old text) is printed without one.
     */
    static List<String> measures(List<Narrative.Measure> measures, int problemCount) {
        if (measures == null || measures.isEmpty()) {
            return List.of(TO_BE_WRITTEN);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            Narrative.Measure m = measures.get(i);
            String text = oneLine(m.text()).replaceAll("[。；;，,、\\s]+$", "");
            out.add(marker(i + 1) + text + (answers(m, problemCount) ? "（针对" + problemLabel(m.problemRef()) + "）" : "") + "。");
        }
        return out;
    }

    /** Whether a measure links to one of the problems. */
    public static boolean answers(Narrative.Measure m, int problemCount) {
        return m.problemRef() != null && m.problemRef() >= 1 && m.problemRef() <= problemCount;
    }

    /** "问题二": a problem as 五 and the checker's findings name it, in the numbering of 四. */
    public static String problemLabel(int number) {
        return "问题" + io.jixiao.report.checker.ReportTextNumbers.chinese(number);
    }

    private static String marker(int number) {
        return "（" + io.jixiao.report.checker.ReportTextNumbers.chinese(number) + "）";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\n\\s*", "");
    }

    /** Achievements as the department wrote them, one paragraph each. */
    static List<String> numberedThree(String text) {
        List<String> items = paragraphs(text);
        return items.isEmpty() ? List.of("主要成效：" + TO_BE_WRITTEN) : items.stream().map(ReportAssembler::sentence).toList();
    }

    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.replace("\r\n", "\n").split("\n\\s*\n")).map(t -> t.strip().replaceAll("\\s*\n\\s*", ""))
                .filter(t -> !t.isEmpty()).toList();
    }

    private static String sentence(String s) {
        String t = s.strip();
        return t.matches(".*[。！？；]$") ? t : t + "。";
    }

    private static void add(List<String> out, String label, Integer n) {
        if (n != null && n > 0) {
            out.add(label + " " + n + " 人");
        }
    }

    static String wan(BigDecimal yuan) {
        return yuan == null ? "—" : Money.wanText(yuan);
    }

    private static String statusText(String status) {
        return switch (status) {
            case "SCORED" -> "按规则计分";
            case "SELF_SCORED" -> "自评";
            case "MISSING" -> "数据缺失";
            case "PENDING_SELF_SCORE" -> "待自评";
            default -> status;
        };
    }
}
