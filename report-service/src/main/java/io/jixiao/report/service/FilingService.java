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

import io.jixiao.platform.events.EventEnvelope;
import io.jixiao.platform.outbox.Outbox;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.platform.security.Roles;
import io.jixiao.report.assembly.HtmlRenderer;
import io.jixiao.report.checker.Finding;
import io.jixiao.report.domain.BasicExpenditureView;
import io.jixiao.report.domain.Filing;
import io.jixiao.report.domain.FilingStep;
import io.jixiao.report.domain.FilingVersion;
import io.jixiao.report.domain.Narrative;
import io.jixiao.report.domain.ScoreView;
import io.jixiao.report.domain.BudgetSheetCopy;
import io.jixiao.report.messaging.PublishedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The filing workflow: a department submits (the checker runs; fatal findings block): the filing is
 * SUBMITTING and FilingSubmitted asks the other services to lock the year; when both confirmed
 * (FilingLockConfirmed) an immutable version is frozen at the revisions they confirmed and the filing is
 * SUBMITTED. The bureau returns it with a comment (unlocks) or approves it. Every step is kept.
 */
@ApplicationScoped
public class FilingService {

    private final ReportService reports;
    private final ReportDocuments documents;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final EntityManager em;
    private final io.jixiao.report.service.SeasonService season;
    private final io.jixiao.report.service.NoticeService notices;

    /** The summary row shows the filing's status. */
    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<DepartmentYearChanged> changed;

    public FilingService(ReportService reports, ReportDocuments documents, Outbox outbox, ObjectMapper mapper,
            EntityManager em, io.jixiao.report.service.SeasonService season, io.jixiao.report.service.NoticeService notices) {
        this.season = season;
        this.notices = notices;
        this.reports = reports;
        this.documents = documents;
        this.outbox = outbox;
        this.mapper = mapper;
        this.em = em;
    }

    /** A frozen document of a submitted version. */
    public record Document(byte[] bytes, String sha256) {
    }

    /**
     * Phase one of a submit: the checker runs on the read model (fatal findings block, nothing stored), the
     * documents are rendered once (a missing PDF font refuses it), the filing becomes SUBMITTING — from
     * this commit on the narrative is refused — and FilingSubmitted asks budget-service and
     * evaluation-service to lock the year and confirm. The version is frozen by freezeIfReady.
     */
    @Transactional
    public FilingResponse submit(Caller caller, String departmentId, int fiscalYear) {
        caller.checkWrite(departmentId);
        BasicExpenditureView.Key key = new BasicExpenditureView.Key(departmentId, fiscalYear);
        Filing filing = Filing.lockYear(departmentId, fiscalYear);
        if (filing != null && filing.status != Filing.Status.RETURNED) {
            throw ProblemException.conflict(filing.status == Filing.Status.APPROVED ? "filing.already-approved"
                    : "filing.already-submitted", String.valueOf(fiscalYear));
        }
        // 年度自评工作: a closed round, or a first submission after the deadline without an extension, is refused
        season.checkSubmit(departmentId, fiscalYear, filing == null ? null : filing.status.name());
        ReportService.Assembled a = reports.assemble(caller, departmentId, fiscalYear);
        List<Finding> fatal = a.findings().stream().filter(f -> f.severity() == Finding.Severity.FATAL).toList();
        if (!fatal.isEmpty()) {
            throw new ProblemException(422, "filing.blocked", fatal.stream()
                    .map(f -> new FieldError("report." + (f.section().isEmpty() ? "title" : f.section())
                            + (f.paragraph() > 0 ? "." + f.paragraph() : ""), f.message()))
                    .toList(), String.valueOf(fatal.size()));
        }
        // rendered before anything is written: a missing PDF font refuses the submit and changes nothing
        documents.docx(a.report());
        documents.pdf(a.report());
        if (filing == null) {
            filing = new Filing();
            filing.key = key;
            filing.latestVersion = 0;
        }
        filing.latestVersion++;
        filing.status = Filing.Status.SUBMITTING;
        filing.budgetRevision = null;
        filing.evaluationRevision = null;
        filing.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        filing.persist();
        changed.fire(new DepartmentYearChanged(key));
        step(caller, key, "SUBMITTED", filing.latestVersion, null);
        outbox.publish(PublishedEvents.FILING_SUBMITTED, 1, departmentId, fiscalYear, caller.name(), new PublishedEvents.FilingStepPayload(filing.latestVersion, null));
        return view(departmentId, fiscalYear);
    }

    /**
     * FilingLockConfirmed from budget.events or evaluation.events (inbox transaction): that service locked
     * the year for this submission at a revision. A confirmation of another submission is ignored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onLockConfirmed(EventEnvelope event) {
        Filing filing = Filing.findById(new BasicExpenditureView.Key(event.departmentId(), event.fiscalYear()),
                LockModeType.PESSIMISTIC_WRITE);
        int filingVersion = event.payload().path("filingVersion").asInt();
        if (filing == null || filing.status != Filing.Status.SUBMITTING || filing.latestVersion != filingVersion) {
            return;
        }
        long revision = event.payload().path("revision").asLong();
        switch (event.payload().path("service").asText()) {
            case "budget" -> filing.budgetRevision = revision;
            case "evaluation" -> filing.evaluationRevision = revision;
            default -> throw new IllegalArgumentException("FilingLockConfirmed of unknown service "
                    + event.payload().path("service"));
        }
        freeze(filing);
    }

    /** After a read-model change (inbox transaction): a SUBMITTING filing may now have all it waits for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void freezeIfReady(String departmentId, int fiscalYear) {
        BasicExpenditureView.Key key = new BasicExpenditureView.Key(departmentId, fiscalYear);
        Filing peek = Filing.findById(key);
        if (peek != null && peek.status == Filing.Status.SUBMITTING) {
            em.refresh(peek, LockModeType.PESSIMISTIC_WRITE);
            freeze(peek);
        }
    }

    /**
     * Phase two: once both services confirmed and the read model holds exactly the revisions they confirmed
     * (so what is frozen is what they keep locked), the version is frozen and the filing is SUBMITTED.
     */
    private void freeze(Filing filing) {
        if (filing.status != Filing.Status.SUBMITTING || filing.budgetRevision == null || filing.evaluationRevision == null) {
            return;
        }
        BudgetSheetCopy sheet = BudgetSheetCopy.findById(filing.key);
        ScoreView score = ScoreView.findById(filing.key);
        if (sheet == null || sheet.revision != filing.budgetRevision || score == null
                || !filing.evaluationRevision.equals(score.evaluationRevision)) {
            return; // the read model has not applied the confirmed revisions yet; its next event calls again
        }
        String departmentId = filing.key.departmentId();
        int fiscalYear = filing.key.fiscalYear();
        ReportService.Assembled a = reports.assemble(sheet, score,
                Narrative.find(departmentId, fiscalYear).orElse(null));
        byte[] docx = documents.docx(a.report());
        byte[] pdf = documents.pdf(a.report());
        FilingStep submitted = FilingStep.<FilingStep>find("departmentId = ?1 and fiscalYear = ?2 and step = 'SUBMITTED' "
                + "and filingVersion = ?3 order by occurredAt desc", departmentId, fiscalYear, filing.latestVersion)
                .firstResult();
        filing.status = Filing.Status.SUBMITTED;
        filing.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        changed.fire(new DepartmentYearChanged(filing.key));

        FilingVersion v = new FilingVersion();
        v.departmentId = departmentId;
        v.fiscalYear = fiscalYear;
        v.number = filing.latestVersion;
        v.submittedAt = submitted == null ? filing.updatedAt : submitted.occurredAt;
        v.submittedBy = submitted == null ? "-" : submitted.actor;
        v.sheetRevision = filing.budgetRevision;
        v.scoreRevision = a.scoreRevision();
        v.evaluationRevision = filing.evaluationRevision;
        v.reportText = a.report().toText();
        v.reportHtml = HtmlRenderer.render(a.report());
        v.inputs = inputs(filing.key);
        v.findings = json(a.findings());
        v.contentHash = sha256(v.reportText + "\n" + v.inputs);
        v.persistAndFlush();
        // the three documents as submitted, each with its SHA-256 (not mapped: never loaded with the list of versions)
        em.createNativeQuery("update filing_version set report_docx = ?1, report_pdf = ?2, html_sha256 = ?3, "
                + "docx_sha256 = ?4, pdf_sha256 = ?5 where id = ?6")
                .setParameter(1, docx).setParameter(2, pdf).setParameter(3, sha256(v.reportHtml))
                .setParameter(4, sha256(docx)).setParameter(5, sha256(pdf)).setParameter(6, v.id).executeUpdate();
    }

    /** A return or an approval; the answer is the filing as this transaction left it. */
    @Transactional
    public FilingResponse review(Caller caller, String departmentId, int fiscalYear, boolean approve, String comment) {
        if (!caller.hasRole(Roles.FINANCE_REVIEWER)) {
            throw ProblemException.forbidden("filing.reviewer-only");
        }
        if (!approve && (comment == null || comment.isBlank())) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("comment", "filing.comment-required")));
        }
        Filing filing = Filing.findById(new BasicExpenditureView.Key(departmentId, fiscalYear), LockModeType.PESSIMISTIC_WRITE);
        if (filing == null || filing.status != Filing.Status.SUBMITTED) {
            throw ProblemException.conflict("filing.not-submitted", String.valueOf(fiscalYear),
                    filing == null ? "未提交" : statusText(filing.status));
        }
        filing.status = approve ? Filing.Status.APPROVED : Filing.Status.RETURNED;
        filing.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        changed.fire(new DepartmentYearChanged(filing.key));
        step(caller, filing.key, approve ? "APPROVED" : "RETURNED", filing.latestVersion, comment);
        outbox.publish(approve ? PublishedEvents.FILING_APPROVED : PublishedEvents.FILING_RETURNED, 1, departmentId, fiscalYear, caller.name(),
                new PublishedEvents.FilingStepPayload(filing.latestVersion, comment == null ? null : comment.strip()));
        notices.onReviewed(caller.name(), departmentId, fiscalYear, approve, comment);
        return view(departmentId, fiscalYear);
    }

    @Transactional
    public FilingResponse overview(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        return view(departmentId, fiscalYear);
    }

    /** The filing as this transaction sees it (a step just written included). */
    private FilingResponse view(String departmentId, int fiscalYear) {
        Filing filing = Filing.findById(new BasicExpenditureView.Key(departmentId, fiscalYear));
        List<FilingResponse.Version> versions = FilingVersion.<FilingVersion>list("departmentId = ?1 and fiscalYear = ?2 "
                + "order by number", departmentId, fiscalYear).stream().map(v -> new FilingResponse.Version(v.number,
                        v.submittedAt, v.submittedBy, v.contentHash, v.sheetRevision, v.evaluationRevision,
                        documentHashes(v.id))).toList();
        List<FilingResponse.Step> history = FilingStep.<FilingStep>list("departmentId = ?1 and fiscalYear = ?2 "
                + "order by occurredAt, id", departmentId, fiscalYear).stream().map(s -> new FilingResponse.Step(s.step,
                        s.filingVersion, s.actor, s.occurredAt, s.comment)).toList();
        return new FilingResponse(departmentId, fiscalYear, filing == null ? "DRAFT" : filing.status.name(),
                filing == null ? null : filing.latestVersion, versions, history);
    }

    @Transactional
    public FilingVersion version(Caller caller, String departmentId, int fiscalYear, int number) {
        caller.checkRead(departmentId);
        return FilingVersion.<FilingVersion>find("departmentId = ?1 and fiscalYear = ?2 and number = ?3", departmentId,
                fiscalYear, number).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("filing.version-not-found", String.valueOf(number)));
    }

    private FilingResponse.Documents documentHashes(long versionId) {
        Object[] row = (Object[]) em.createNativeQuery(
                "select html_sha256, docx_sha256, pdf_sha256 from filing_version where id = ?1")
                .setParameter(1, versionId).getSingleResult();
        return new FilingResponse.Documents((String) row[0], (String) row[1], (String) row[2]);
    }

    /** The DOCX or PDF exactly as submitted ("docx" or "pdf"). */
    @Transactional
    public Document document(Caller caller, String departmentId, int fiscalYear, int number, String kind) {
        FilingVersion v = version(caller, departmentId, fiscalYear, number);
        String column = "pdf".equals(kind) ? "pdf" : "docx";
        Object[] row = (Object[]) em.createNativeQuery("select report_" + column + ", " + column
                + "_sha256 from filing_version where id = ?1").setParameter(1, v.id).getSingleResult();
        if (row[0] == null) {
            throw ProblemException.notFound("filing.version-no-document", String.valueOf(number));
        }
        return new Document((byte[]) row[0], (String) row[1]);
    }

    private static void step(Caller caller, BasicExpenditureView.Key key, String step, int version, String comment) {
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

    private String inputs(BasicExpenditureView.Key key) {
        Map<String, Object> in = new LinkedHashMap<>();
        BudgetSheetCopy sheet = BudgetSheetCopy.findById(key);
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
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String statusText(Filing.Status s) {
        return switch (s) {
            case SUBMITTING -> "提交中";
            case SUBMITTED -> "已提交";
            case RETURNED -> "已退回";
            case APPROVED -> "已审核通过";
        };
    }
}
