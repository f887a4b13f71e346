package io.jixiao.report.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.problem.Versions;
import io.jixiao.platform.security.Caller;
import io.jixiao.platform.security.Roles;
import io.jixiao.report.assembly.Report;
import io.jixiao.report.domain.BasicExpenditureView;
import io.jixiao.report.domain.Filing;
import io.jixiao.report.domain.Narrative;
import io.jixiao.report.domain.ScoreView;
import io.jixiao.report.domain.BudgetSheetCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.jixiao.report.domain.PublicReport;

/**
 * 信息公开: a finance reviewer publishes the public version of an APPROVED filing and may unpublish it.
 * Publishing freezes a snapshot: the report as approved (an approved year is locked in every service, so
 * the read model holds exactly the approved version's inputs) with its personal data masked
 * ({@link PublicRedaction}), its score, and a PDF rendered from that masked report. Publish and unpublish
 * are audited and counted by the row's version; the public API ({@link #publicList}, {@link #publicReport},
 * {@link #publicPdf}) reads PUBLISHED rows only, so an unpublished report is gone from it at the commit.
 */
@ApplicationScoped
public class PublicationService {

    /** What reviewers see of a department-year's publication. */
    @Schema(name = "Publication", description = "信息公开: a department-year's public version, published or unpublished")
    public record PublicationResponse(@Schema(example = "5") long id,
            @Schema(example = "d0000000-0000-4000-8000-000000000001") String departmentId,
            @Schema(example = "2020") int fiscalYear,
            @Schema(description = "the approved filing version published", example = "1") int filingVersion,
            @Schema(example = "中共长沙市望城区委政法委员会") String departmentName,
            @Schema(enumeration = { "PUBLISHED", "UNPUBLISHED" }, example = "PUBLISHED") String status,
            @Schema(nullable = true, description = "the score's total; null without a score", example = "86.5") BigDecimal total,
            @Schema(nullable = true, example = "良") String grade, @Schema(example = "caizheng") String publishedBy,
            OffsetDateTime publishedAt, @Schema(nullable = true) String unpublishedBy,
            @Schema(nullable = true) OffsetDateTime unpublishedAt, @Schema(example = "0") long version) {
    }

    public record VersionInput(Long version) {
    }

    /** A row of the public list: no department id, no names of people, only what the public page shows. */
    @Schema(name = "PublicEntry", description = "A published report as the public list shows it (nothing about people)")
    public record PublicEntry(@Schema(example = "5") long id, @Schema(example = "2020") int fiscalYear,
            @Schema(example = "中共长沙市望城区委政法委员会") String departmentName,
            @Schema(nullable = true, example = "86.5") BigDecimal total, @Schema(nullable = true, example = "良") String grade,
            OffsetDateTime publishedAt, @Schema(example = "/api/v1/public/reports/5") String url,
            @Schema(example = "/api/v1/public/reports/5/pdf") String pdfUrl) {
    }

    /** The public version of one report. */
    public record PublicContent(long id, int fiscalYear, String departmentName, BigDecimal total, String grade,
            OffsetDateTime publishedAt, String pdfUrl, Report report) {
    }

    public static final String PUBLIC_PATH = "/api/v1/public/reports";

    private final ReportService reports;
    private final ReportDocuments documents;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final EntityManager em;

    public PublicationService(ReportService reports, ReportDocuments documents, AuditTrail audit, ObjectMapper mapper,
            EntityManager em) {
        this.reports = reports;
        this.documents = documents;
        this.audit = audit;
        this.mapper = mapper;
        this.em = em;
    }

    private static void requireReviewer(Caller caller) {
        if (!caller.hasRole(Roles.FINANCE_REVIEWER)) {
            throw ProblemException.forbidden("publication.reviewer-only");
        }
    }

    /** The publications of a year (every state), for the reviewers' 公开 column. */
    @Transactional
    public List<PublicationResponse> list(Caller caller, int fiscalYear) {
        requireReviewer(caller);
        return PublicReport.<PublicReport>list("fiscalYear = ?1 order by departmentName, departmentId", fiscalYear)
                .stream().map(PublicationService::view).toList();
    }

    @Transactional
    public PublicationResponse publish(Caller caller, String departmentId, int fiscalYear, VersionInput in) {
        requireReviewer(caller);
        // serialised with the year's other writes; the filing read fresh under that lock
        Filing filing = Filing.lockYear(departmentId, fiscalYear);
        PublicReport row = PublicReport.find("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear).firstResult();
        if (filing == null || filing.status != Filing.Status.APPROVED) {
            // one code per state, so the message says in both languages why this report cannot be public yet
            throw ProblemException.conflict("publication.not-approved." + (filing == null ? "draft"
                    : filing.status == Filing.Status.RETURNED ? "returned" : "submitted"), String.valueOf(fiscalYear));
        }
        Versions.check(in == null ? null : in.version(), row == null ? null : row.version);
        if (row != null && PublicReport.PUBLISHED.equals(row.status)) {
            throw ProblemException.conflict("publication.already-published", String.valueOf(fiscalYear));
        }
        BasicExpenditureView.Key key = filing.key;
        BudgetSheetCopy sheet = BudgetSheetCopy.findById(key);
        ScoreView score = ScoreView.findById(key);
        Report report = PublicRedaction.redact(reports.assemble(sheet, score,
                Narrative.find(departmentId, fiscalYear).orElse(null)).report());
        byte[] pdf = documents.pdf(report);
        String content = json(report);
        boolean created = row == null;
        String oldStatus = created ? null : row.status;
        String oldHash = created ? null : row.contentSha256;
        if (created) {
            row = new PublicReport();
            row.departmentId = departmentId;
            row.fiscalYear = fiscalYear;
        }
        row.filingVersion = filing.latestVersion;
        row.departmentName = report.unit();
        row.status = PublicReport.PUBLISHED;
        row.total = score == null ? null : score.total;
        row.grade = score == null ? null : score.grade;
        row.content = content;
        row.contentSha256 = FilingService.sha256(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        row.publishedBy = caller.name();
        row.publishedAt = now();
        row.unpublishedBy = null;
        row.unpublishedAt = null;
        if (created) {
            row.persist();
        }
        em.flush();
        // the PDF in the same transaction (not mapped, so the reviewers' list never loads it)
        em.createNativeQuery("update public_report set pdf = ?1 where id = ?2").setParameter(1, pdf).setParameter(2, row.id)
                .executeUpdate();
        audit.record("public-report", departmentId + ":" + fiscalYear, row.version, caller.name(), List.of(
                new AuditTrail.Change("status", oldStatus, PublicReport.PUBLISHED),
                new AuditTrail.Change("filingVersion", null, row.filingVersion),
                new AuditTrail.Change("contentSha256", oldHash, row.contentSha256)));
        return view(row);
    }

    @Transactional
    public PublicationResponse unpublish(Caller caller, String departmentId, int fiscalYear, VersionInput in) {
        requireReviewer(caller);
        Filing.lockYear(departmentId, fiscalYear);
        PublicReport row = PublicReport.find("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear).firstResult();
        if (row == null || !PublicReport.PUBLISHED.equals(row.status)) {
            throw ProblemException.conflict("publication.not-published", String.valueOf(fiscalYear));
        }
        Versions.check(in == null ? null : in.version(), row.version);
        row.status = PublicReport.UNPUBLISHED;
        row.unpublishedBy = caller.name();
        row.unpublishedAt = now();
        em.flush();
        audit.record("public-report", departmentId + ":" + fiscalYear, row.version, caller.name(), List.of(
                new AuditTrail.Change("status", PublicReport.PUBLISHED, PublicReport.UNPUBLISHED)));
        return view(row);
    }

    /** The published reports, newest year first, optionally one year. Anyone may read them. */
    @Transactional
    public List<PublicEntry> publicList(Integer year) {
        List<PublicReport> rows = year == null
                ? PublicReport.list("status = ?1 order by fiscalYear desc, departmentName, id", PublicReport.PUBLISHED)
                : PublicReport.list("status = ?1 and fiscalYear = ?2 order by departmentName, id", PublicReport.PUBLISHED, year);
        List<PublicEntry> out = new ArrayList<>();
        for (PublicReport r : rows) {
            out.add(new PublicEntry(r.id, r.fiscalYear, r.departmentName, r.total, r.grade, r.publishedAt,
                    PUBLIC_PATH + "/" + r.id, PUBLIC_PATH + "/" + r.id + "/pdf"));
        }
        return out;
    }

    @Transactional
    public PublicContent publicReport(long id) {
        PublicReport r = published(id);
        try {
            return new PublicContent(r.id, r.fiscalYear, r.departmentName, r.total, r.grade, r.publishedAt,
                    PUBLIC_PATH + "/" + r.id + "/pdf", mapper.readValue(r.content, Report.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable public report " + id, e);
        }
    }

    /** The PDF rendered from the masked report at publish time. */
    @Transactional
    public byte[] publicPdf(long id) {
        published(id);
        return (byte[]) em.createNativeQuery("select pdf from public_report where id = ?1").setParameter(1, id)
                .getSingleResult();
    }

    private static PublicReport published(long id) {
        PublicReport r = PublicReport.findById(id);
        // an unpublished report is answered like one that never existed
        if (r == null || !PublicReport.PUBLISHED.equals(r.status)) {
            throw ProblemException.notFound("publication.not-found", String.valueOf(id));
        }
        return r;
    }

    private static PublicationResponse view(PublicReport r) {
        return new PublicationResponse(r.id, r.departmentId, r.fiscalYear, r.filingVersion, r.departmentName, r.status,
                r.total, r.grade, r.publishedBy, r.publishedAt, r.unpublishedBy, r.unpublishedAt, r.version);
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
