package io.jixiao.report.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.report.assembly.Report;
import io.jixiao.report.assembly.ReportAssembler;
import io.jixiao.report.assembly.ReportSheet;
import io.jixiao.report.checker.Finding;
import io.jixiao.report.checker.ReportChecker;
import io.jixiao.report.domain.BudgetView;
import io.jixiao.report.domain.Narrative;
import io.jixiao.report.domain.ScoreView;
import io.jixiao.report.domain.SheetView;
import io.jixiao.report.messaging.ReportEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Assembles a department-year's report from the read model and runs the checker on it. */
@ApplicationScoped
public class ReportService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public record Assembled(Report report, long sheetRevision, Long scoreRevision, List<Finding> findings) {
    }

    public record NarrativeInput(String goals, String achievements, String problems, String measures, String other,
            Long version) {
    }

    private final ObjectMapper mapper;
    private final AuditTrail audit;

    public ReportService(ObjectMapper mapper, AuditTrail audit) {
        this.mapper = mapper;
        this.audit = audit;
    }

    @Transactional
    public Assembled assemble(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        BudgetView.Key key = new BudgetView.Key(departmentId, fiscalYear);
        SheetView sheet = SheetView.findById(key);
        if (sheet == null) {
            throw ProblemException.notFound("report.not-found", String.valueOf(fiscalYear));
        }
        return assemble(sheet, ScoreView.findById(key), Narrative.find(departmentId, fiscalYear).orElse(null));
    }

    /** The report of views already read (and access already checked): for the summary and batch runs. */
    public Assembled assemble(SheetView sheet, ScoreView score, Narrative n) {
        try {
            ReportSheet s = mapper.readValue(sheet.sheet, ReportSheet.class);
            ReportAssembler.ScoreInput scoreInput = score == null ? null : new ReportAssembler.ScoreInput(
                    score.total.toPlainString(), score.grade,
                    mapper.readValue(score.items, new TypeReference<List<ReportEvents.ScoredItem>>() { }));
            ReportAssembler.NarrativeText text = n == null ? ReportAssembler.NarrativeText.EMPTY
                    : new ReportAssembler.NarrativeText(n.goals, n.achievements, n.problems, n.measures, n.otherNotes);
            Report report = ReportAssembler.assemble(s, scoreInput, text, LocalDate.now(CHINA));
            List<Finding> findings = new ArrayList<>(ReportChecker.check(report.toText()));
            findings.addAll(completeness(report));
            return new Assembled(report, sheet.revision, score == null ? null : score.revision, findings);
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

    @Transactional
    public Narrative narrative(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        return Narrative.find(departmentId, fiscalYear).orElse(null);
    }

    @Transactional
    public Narrative saveNarrative(Caller caller, String departmentId, int fiscalYear, NarrativeInput in) {
        caller.checkWrite(departmentId);
        Narrative n = Narrative.find(departmentId, fiscalYear).orElse(null);
        io.jixiao.platform.problem.Versions.check(in.version(), n == null ? null : n.version);
        List<AuditTrail.Change> changes = new ArrayList<>();
        if (n == null) {
            n = new Narrative();
            n.departmentId = departmentId;
            n.fiscalYear = fiscalYear;
        }
        changes.add(new AuditTrail.Change("goals", n.id == null ? null : n.goals, clean(in.goals())));
        changes.add(new AuditTrail.Change("achievements", n.id == null ? null : n.achievements, clean(in.achievements())));
        changes.add(new AuditTrail.Change("problems", n.id == null ? null : n.problems, clean(in.problems())));
        changes.add(new AuditTrail.Change("measures", n.id == null ? null : n.measures, clean(in.measures())));
        changes.add(new AuditTrail.Change("other", n.id == null ? null : n.otherNotes, clean(in.other())));
        n.goals = clean(in.goals());
        n.achievements = clean(in.achievements());
        n.problems = clean(in.problems());
        n.measures = clean(in.measures());
        n.otherNotes = clean(in.other());
        n.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        n.updatedBy = caller.name();
        n.persistAndFlush();
        audit.record("narrative", departmentId + ":" + fiscalYear, n.version, caller.name(), changes);
        return n;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
