package io.jixiao.report.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.report.assembly.Report;
import io.jixiao.report.assembly.ReportAssembler;
import io.jixiao.report.assembly.BudgetSheet;
import io.jixiao.report.checker.Finding;
import io.jixiao.report.checker.ReportChecker;
import io.jixiao.report.checker.YearEndRushRule;
import io.jixiao.report.checker.ReportText;
import io.jixiao.report.domain.BasicExpenditureView;
import io.jixiao.report.domain.Narrative;
import io.jixiao.report.domain.ScoreView;
import io.jixiao.report.domain.BudgetSheetCopy;
import io.jixiao.report.messaging.ReportEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Assembles a department-year's report from the read model and runs the checker on it. */
@ApplicationScoped
public class ReportService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public record Assembled(Report report, long sheetRevision, Long scoreRevision, List<Finding> findings) {
    }

    /**
     * A save of the narrative: problems of 四 and measures of 五 as items; each measure's problemRef is the
     * 1-based number of the problem it answers.
     */
    public record NarrativeInput(String goals, String achievements, List<Narrative.Problem> problems,
            List<Narrative.Measure> measures, String other, Long version) {
    }

    /** Most items a list may hold: the report numbers them （一） … （十九）. */
    static final int MAX_ITEMS = 19;
    /** Longest text of one item or of a plain-text part, in characters. */
    static final int MAX_ITEM_CHARS = 5000;
    static final int MAX_TEXT_CHARS = 20000;

    private final ObjectMapper mapper;
    private final AuditTrail audit;

    /** The summary row shows the narrative's findings. */
    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<DepartmentYearChanged> changed;

    @jakarta.inject.Inject
    io.jixiao.platform.rush.RushConfig rush;

    public ReportService(ObjectMapper mapper, AuditTrail audit) {
        this.mapper = mapper;
        this.audit = audit;
    }

    @Transactional
    public Assembled assemble(Caller caller, String departmentId, int fiscalYear) {
        BudgetSheetCopy sheet = readableSheet(caller, departmentId, fiscalYear);
        BasicExpenditureView.Key key = sheet.key;
        return assemble(sheet, ScoreView.findById(key), Narrative.find(departmentId, fiscalYear).orElse(null));
    }

    /**
     * The report alone, for the documents (preview, DOCX, PDF, 评分表) that show no findings: the checker
     * reads the whole text and cost more than a DOCX itself, so it runs only where findings are answered.
     */
    @Transactional
    public Report report(Caller caller, String departmentId, int fiscalYear) {
        BudgetSheetCopy sheet = readableSheet(caller, departmentId, fiscalYear);
        ScoreView score = ScoreView.findById(sheet.key);
        Narrative n = Narrative.find(departmentId, fiscalYear).orElse(null);
        return ReportAssembler.assemble(sheet(sheet), scoreInput(score), text(n), LocalDate.now(CHINA));
    }

    private static BudgetSheetCopy readableSheet(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        BudgetSheetCopy sheet = BudgetSheetCopy.findById(new BasicExpenditureView.Key(departmentId, fiscalYear));
        if (sheet == null) {
            throw ProblemException.notFound("report.not-found", String.valueOf(fiscalYear));
        }
        return sheet;
    }

    /** The report of views already read (and access already checked): for the summary and batch runs. */
    public Assembled assemble(BudgetSheetCopy sheet, ScoreView score, Narrative n) {
        ReportAssembler.NarrativeText text = text(n);
        BudgetSheet s = sheet(sheet);
        Report report = ReportAssembler.assemble(s, scoreInput(score), text, LocalDate.now(CHINA));
        List<Finding> findings = new ArrayList<>(ReportChecker.check(report.toText()));
        findings.addAll(completeness(report));
        findings.addAll(links(report, text));
        // from the filing's figures, not the text (see YearEndRushRule)
        findings.addAll(YearEndRushRule.check(s.monthlyPayments(), s.spendingByMonth(),
                new YearEndRushRule.Thresholds(rush.decemberShare(), rush.q4Share())));
        return new Assembled(report, sheet.revision, score == null ? null : score.revision, findings);
    }

    private BudgetSheet sheet(BudgetSheetCopy sheet) {
        return read(sheet.sheet, new TypeReference<BudgetSheet>() { });
    }

    private ReportAssembler.ScoreInput scoreInput(ScoreView score) {
        return score == null ? null : new ReportAssembler.ScoreInput(score.total.toPlainString(), score.grade,
                read(score.items, new TypeReference<List<ReportEvents.ScoredItem>>() { }));
    }

    private static ReportAssembler.NarrativeText text(Narrative n) {
        return n == null ? ReportAssembler.NarrativeText.EMPTY
                : new ReportAssembler.NarrativeText(n.goals, n.achievements, n.problems, n.measures, n.otherNotes);
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable read model", e);
        }
    }

    /** Parts the department has not written yet: fatal, so a filing cannot go out with them. */
    static List<Finding> completeness(Report report) {
        List<Finding> out = new ArrayList<>();
        for (Report.Section s : report.sections()) {
            for (Report.Part p : s.parts()) {
                for (String para : p.paragraphs()) {
                    if (para.contains("（待填写）")) {
                        out.add(new Finding(Finding.Severity.FATAL, Finding.Tag.COMPLETENESS, "narrative.missing",
                                s.number(), 0, para, "第" + s.number() + "部分“" + s.title() + "”尚未填写。",
                                "在“报告叙述”中填写本部分"));
                    }
                }
            }
        }
        if (report.score() == null) {
            out.add(new Finding(Finding.Severity.FATAL, Finding.Tag.COMPLETENESS, "score.missing", "三", 0, "",
                    "尚无评分结果：评价服务尚未计算本年度得分。", "自评得分与等级"));
        }
        return out;
    }

    /**
     * 五 must answer 四: a problem no measure names, and a measure that names no problem (only possible on
     * text converted from before the lists), are warnings placed at 五, where they are fixed.
     */
    static List<Finding> links(Report report, ReportAssembler.NarrativeText n) {
        List<Finding> out = new ArrayList<>();
        List<Narrative.Problem> problems = n.problems() == null ? List.of() : n.problems();
        List<Narrative.Measure> measures = n.measures() == null ? List.of() : n.measures();
        if (problems.isEmpty() && measures.isEmpty()) {
            return out; // both empty: the fatal narrative.missing findings already say so
        }
        List<ReportText.Paragraph> paragraphs = ReportText.parse(report.toText()).paragraphs();
        int heading5 = paragraphs.stream().filter(p -> p.text().startsWith("五、")).mapToInt(ReportText.Paragraph::number)
                .findFirst().orElse(0);
        for (int i = 0; i < problems.size(); i++) {
            int number = i + 1;
            if (measures.stream().noneMatch(m -> m.problemRef() != null && m.problemRef() == number)) {
                String label = ReportAssembler.problemLabel(number);
                out.add(new Finding(Finding.Severity.WARNING, Finding.Tag.COMPLETENESS, "measure.missing-for-problem", "五",
                        heading5, excerpt(problems.get(i).text()), "第四部分的" + label + "“" + excerpt(problems.get(i).text())
                                + "”没有对应的改进措施。", "在第五部分填写至少一条针对" + label + "的措施"));
            }
        }
        for (int i = 0; i < measures.size(); i++) {
            Narrative.Measure m = measures.get(i);
            if (!ReportAssembler.answers(m, problems.size())) {
                int number = i + 1;
                int paragraph = paragraphs.stream().filter(p -> "五".equals(p.section())
                        && p.text().startsWith("（" + io.jixiao.report.checker.ReportTextNumbers.chinese(number) + "）"))
                        .mapToInt(ReportText.Paragraph::number).findFirst().orElse(heading5);
                out.add(new Finding(Finding.Severity.WARNING, Finding.Tag.COMPLETENESS, "measure.problem-unlinked", "五",
                        paragraph, excerpt(m.text()), "第五部分第" + number + "条措施“" + excerpt(m.text())
                                + "”没有指明针对第四部分的哪个问题。", "为每条措施选择它针对的问题"));
            }
        }
        return out;
    }

    private static String excerpt(String s) {
        String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return t.length() <= 30 ? t : t.substring(0, 29) + "…";
    }

    @Transactional
    public Narrative narrative(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        return Narrative.find(departmentId, fiscalYear).orElse(null);
    }

    @Transactional
    public Narrative saveNarrative(Caller caller, String departmentId, int fiscalYear, NarrativeInput in) {
        caller.checkWrite(departmentId);
        // refused from the moment a submit has committed (SUBMITTING) until a return; serialised with submit
        io.jixiao.report.domain.Filing filing = io.jixiao.report.domain.Filing.lockYear(departmentId, fiscalYear);
        if (filing != null && io.jixiao.report.domain.Filing.LOCKED.contains(filing.status)) {
            throw ProblemException.conflict("filing.locked", String.valueOf(fiscalYear));
        }
        List<Narrative.Problem> problems = problems(in.problems());
        List<Narrative.Measure> measures = measures(in.measures());
        validate(in, problems, measures);
        Narrative n = Narrative.find(departmentId, fiscalYear).orElse(null);
        io.jixiao.platform.problem.Versions.check(in.version(), n == null ? null : n.version);
        boolean created = n == null;
        if (created) {
            n = new Narrative();
            n.departmentId = departmentId;
            n.fiscalYear = fiscalYear;
        }
        List<AuditTrail.Change> changes = new ArrayList<>();
        changes.add(new AuditTrail.Change("goals", created ? null : n.goals, clean(in.goals())));
        changes.add(new AuditTrail.Change("achievements", created ? null : n.achievements, clean(in.achievements())));
        itemChanges(changes, "problems", created ? List.of() : n.problems, problems,
                Map.entry("text", Narrative.Problem::text), Map.entry("cause", Narrative.Problem::cause));
        itemChanges(changes, "measures", created ? List.of() : n.measures, measures,
                Map.entry("text", Narrative.Measure::text),
                Map.entry("problemRef", Narrative.Measure::problemRef));
        changes.add(new AuditTrail.Change("other", created ? null : n.otherNotes, clean(in.other())));
        n.goals = clean(in.goals());
        n.achievements = clean(in.achievements());
        n.problems = new ArrayList<>(problems);
        n.measures = new ArrayList<>(measures);
        n.otherNotes = clean(in.other());
        n.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        n.updatedBy = caller.name();
        n.persistAndFlush();
        audit.record("narrative", departmentId + ":" + fiscalYear, n.version, caller.name(), changes);
        changed.fire(new DepartmentYearChanged(new io.jixiao.report.domain.BasicExpenditureView.Key(departmentId, fiscalYear)));
        return n;
    }

    private static List<Narrative.Problem> problems(List<Narrative.Problem> in) {
        return in == null ? List.of() : in.stream().map(p -> p == null ? new Narrative.Problem("", null)
                : new Narrative.Problem(clean(p.text()), p.cause() == null || p.cause().isBlank() ? null : p.cause().strip()))
                .toList();
    }

    private static List<Narrative.Measure> measures(List<Narrative.Measure> in) {
        return in == null ? List.of() : in.stream().map(m -> m == null ? new Narrative.Measure("", null)
                : new Narrative.Measure(clean(m.text()), m.problemRef())).toList();
    }

    /** Every wrong field at once, with its path; nothing is stored unless all are right. */
    static void validate(NarrativeInput in, List<Narrative.Problem> problems, List<Narrative.Measure> measures) {
        List<FieldError> errors = new ArrayList<>();
        for (String[] text : new String[][] { { "goals", in.goals() }, { "achievements", in.achievements() },
                { "other", in.other() } }) {
            if (text[1] != null && text[1].length() > MAX_TEXT_CHARS) {
                errors.add(new FieldError(text[0], "narrative.text.too-long"));
            }
        }
        if (problems.size() > MAX_ITEMS) {
            errors.add(new FieldError("problems", "narrative.items.too-many"));
        }
        if (measures.size() > MAX_ITEMS) {
            errors.add(new FieldError("measures", "narrative.items.too-many"));
        }
        for (int i = 0; i < problems.size(); i++) {
            Narrative.Problem p = problems.get(i);
            if (p.text().isEmpty()) {
                errors.add(new FieldError("problems[" + i + "].text", "narrative.problem.text-required"));
            } else if (p.text().length() > MAX_ITEM_CHARS) {
                errors.add(new FieldError("problems[" + i + "].text", "narrative.item.too-long"));
            }
            if (p.cause() != null && p.cause().length() > MAX_ITEM_CHARS) {
                errors.add(new FieldError("problems[" + i + "].cause", "narrative.item.too-long"));
            }
        }
        for (int i = 0; i < measures.size(); i++) {
            Narrative.Measure m = measures.get(i);
            if (m.text().isEmpty()) {
                errors.add(new FieldError("measures[" + i + "].text", "narrative.measure.text-required"));
            } else if (m.text().length() > MAX_ITEM_CHARS) {
                errors.add(new FieldError("measures[" + i + "].text", "narrative.item.too-long"));
            }
            if (m.problemRef() == null) {
                errors.add(new FieldError("measures[" + i + "].problemRef", "narrative.measure.problem-required"));
            } else if (!ReportAssembler.answers(m, problems.size())) {
                errors.add(new FieldError("measures[" + i + "].problemRef", "narrative.measure.problem-unknown"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "request.invalid", errors);
        }
    }

    /**
     * One audit row per changed item field ("problems[1].cause", "measures[0].problemRef"); an item removed
     * at the end shows its fields going to null, a new one from null.
     */
    @SafeVarargs
    static <T> void itemChanges(List<AuditTrail.Change> changes, String list, List<T> before, List<T> after,
            Map.Entry<String, Function<T, Object>>... fields) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            T b = i < before.size() ? before.get(i) : null;
            T a = i < after.size() ? after.get(i) : null;
            for (var field : fields) {
                changes.add(new AuditTrail.Change(list + "[" + i + "]." + field.getKey(),
                        b == null ? null : field.getValue().apply(b), a == null ? null : field.getValue().apply(a)));
            }
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
