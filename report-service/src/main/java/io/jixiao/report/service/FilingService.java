package io.jixiao.report.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.outbox.Outbox;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.platform.security.Roles;
import io.jixiao.report.assembly.HtmlRenderer;
import io.jixiao.report.checker.Finding;
import io.jixiao.report.domain.BudgetView;
import io.jixiao.report.domain.Filing;
import io.jixiao.report.domain.FilingStep;
import io.jixiao.report.domain.FilingVersion;
import io.jixiao.report.domain.Narrative;
import io.jixiao.report.domain.ScoreView;
import io.jixiao.report.domain.SheetView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The filing workflow: a department submits (the checker runs; fatal findings block), which freezes
 * an immutable version and locks the figures in the other services (FilingSubmitted); the bureau
 * returns it with a comment (unlocks) or approves it. Every step is kept.
 */
@ApplicationScoped
public class FilingService {

    public static final String SUBMITTED = "FilingSubmitted";
    public static final String RETURNED = "FilingReturned";
    public static final String APPROVED = "FilingApproved";

    public record StepPayload(int filingVersion, String comment) {
    }

    private final ReportService reports;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public FilingService(ReportService reports, Outbox outbox, ObjectMapper mapper) {
        this.reports = reports;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Transactional
    public Filing submit(Caller caller, String departmentId, int fiscalYear) {
        caller.checkWrite(departmentId);
        BudgetView.Key key = new BudgetView.Key(departmentId, fiscalYear);
        Filing filing = Filing.findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (filing != null && filing.status != Filing.Status.RETURNED) {
            throw ProblemException.conflict(filing.status == Filing.Status.APPROVED ? "filing.already-approved"
                    : "filing.already-submitted", String.valueOf(fiscalYear));
        }
        ReportService.Assembled a = reports.assemble(caller, departmentId, fiscalYear);
        List<Finding> fatal = a.findings().stream().filter(f -> f.severity() == Finding.Severity.FATAL).toList();
        if (!fatal.isEmpty()) {
            throw new ProblemException(422, "filing.blocked", fatal.stream()
                    .map(f -> new FieldError("report." + (f.section().isEmpty() ? "title" : f.section())
                            + (f.paragraph() > 0 ? "." + f.paragraph() : ""), f.message()))
                    .toList(), String.valueOf(fatal.size()));
        }
        if (filing == null) {
            filing = new Filing();
            filing.key = key;
            filing.latestVersion = 0;
        }
        filing.latestVersion++;
        filing.status = Filing.Status.SUBMITTED;
        filing.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        filing.persist();

        FilingVersion v = new FilingVersion();
        v.departmentId = departmentId;
        v.fiscalYear = fiscalYear;
        v.number = filing.latestVersion;
        v.submittedAt = filing.updatedAt;
        v.submittedBy = caller.name();
        v.sheetRevision = a.sheetRevision();
        v.scoreRevision = a.scoreRevision();
        v.reportText = a.report().toText();
        v.reportHtml = HtmlRenderer.render(a.report());
        v.inputs = inputs(key);
        v.findings = json(a.findings());
        v.contentHash = sha256(v.reportText + "\n" + v.inputs);
        v.persist();
        step(caller, key, "SUBMITTED", v.number, null);
        outbox.publish(SUBMITTED, 1, departmentId, fiscalYear, caller.name(), new StepPayload(v.number, null));
        return filing;
    }

    @Transactional
    public Filing review(Caller caller, String departmentId, int fiscalYear, boolean approve, String comment) {
        if (!caller.hasRole(Roles.FINANCE_REVIEWER)) {
            throw ProblemException.forbidden("filing.reviewer-only");
        }
        if (!approve && (comment == null || comment.isBlank())) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("comment", "filing.comment-required")));
        }
        Filing filing = Filing.findById(new BudgetView.Key(departmentId, fiscalYear), LockModeType.PESSIMISTIC_WRITE);
        if (filing == null || filing.status != Filing.Status.SUBMITTED) {
            throw ProblemException.conflict("filing.not-submitted", String.valueOf(fiscalYear),
                    filing == null ? "未提交" : statusText(filing.status));
        }
        filing.status = approve ? Filing.Status.APPROVED : Filing.Status.RETURNED;
        filing.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        step(caller, filing.key, approve ? "APPROVED" : "RETURNED", filing.latestVersion, comment);
        outbox.publish(approve ? APPROVED : RETURNED, 1, departmentId, fiscalYear, caller.name(),
                new StepPayload(filing.latestVersion, comment == null ? null : comment.strip()));
        return filing;
    }

    @Transactional
    public Map<String, Object> overview(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        Filing filing = Filing.findById(new BudgetView.Key(departmentId, fiscalYear));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("departmentId", departmentId);
        out.put("fiscalYear", fiscalYear);
        out.put("status", filing == null ? "DRAFT" : filing.status.name());
        out.put("latestVersion", filing == null ? null : filing.latestVersion);
        out.put("versions", FilingVersion.<FilingVersion>list("departmentId = ?1 and fiscalYear = ?2 order by number",
                departmentId, fiscalYear).stream().map(v -> Map.of("number", v.number, "submittedAt", v.submittedAt,
                        "submittedBy", v.submittedBy, "contentHash", v.contentHash, "sheetRevision", v.sheetRevision))
                .toList());
        out.put("history", FilingStep.<FilingStep>list("departmentId = ?1 and fiscalYear = ?2 order by occurredAt, id",
                departmentId, fiscalYear).stream().map(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("step", s.step);
                    m.put("filingVersion", s.filingVersion);
                    m.put("actor", s.actor);
                    m.put("at", s.occurredAt);
                    m.put("comment", s.comment);
                    return m;
                }).toList());
        return out;
    }

    @Transactional
    public FilingVersion version(Caller caller, String departmentId, int fiscalYear, int number) {
        caller.checkRead(departmentId);
        return FilingVersion.<FilingVersion>find("departmentId = ?1 and fiscalYear = ?2 and number = ?3", departmentId,
                fiscalYear, number).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("filing.version-not-found", String.valueOf(number)));
    }

    private static void step(Caller caller, BudgetView.Key key, String step, int version, String comment) {
        FilingStep s = new FilingStep();
        s.departmentId = key.departmentId();
        s.fiscalYear = key.fiscalYear();
        s.step = step;
        s.filingVersion = version;
        s.actor = caller.name();
        s.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.comment = comment == null ? null : comment.strip();
        s.persist();
    }

    private String inputs(BudgetView.Key key) {
        Map<String, Object> in = new LinkedHashMap<>();
        SheetView sheet = SheetView.findById(key);
        ScoreView score = ScoreView.findById(key);
        Narrative n = Narrative.find(key.departmentId(), key.fiscalYear()).orElse(null);
        in.put("sheet", sheet == null ? null : sheet.sheet);
        in.put("scoreCard", score == null ? null : score.items);
        in.put("narrative", n == null ? null : Map.of("goals", n.goals, "achievements", n.achievements,
                "problems", n.problems, "measures", n.measures, "other", n.otherNotes));
        return json(in);
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String statusText(Filing.Status s) {
        return switch (s) {
            case SUBMITTED -> "已提交";
            case RETURNED -> "已退回";
            case APPROVED -> "已审核通过";
        };
    }
}
