package io.jixiao.report.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.report.assembly.BudgetSheet;
import io.jixiao.report.checker.Finding;
import io.jixiao.report.domain.BasicExpenditureView;
import io.jixiao.report.domain.DistrictSummary;
import io.jixiao.report.domain.Filing;
import io.jixiao.report.domain.Narrative;
import io.jixiao.report.domain.ScoreView;
import io.jixiao.report.domain.BudgetSheetCopy;
import io.jixiao.report.domain.SummaryRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import io.jixiao.platform.api.DocumentCache;
import jakarta.transaction.Transactional;

/**
 * The bureau's summary of a fiscal year (全区汇总): every department with its filing status, score,
 * grade, budget and actual totals, execution rates and the main findings of its report, keyset-paged by
 * unit code as budget-service's overview is. Findings come from assembling and checking each report,
 * so they are the same as the department sees.
 */
@ApplicationScoped
public class DistrictSummaryService {

    public static final int MAX_LIMIT = 200;
    static final int MAIN_FINDINGS = 3;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DistrictSummaryPage")
    public record Page(int fiscalYear, List<DistrictSummary.Row> items,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true, description = "null on the last page")
            String nextCursor) implements io.jixiao.platform.api.CursorPage {
    }

    private final ReportService reports;
    private final ObjectMapper mapper;
    private final DocumentCache cache;
    private static final String TABLE = "summary_row";

    public DistrictSummaryService(ReportService reports, ObjectMapper mapper, DocumentCache cache) {
        this.reports = reports;
        this.mapper = mapper;
        this.cache = cache;
    }


    /** Filing states a client may filter by; DRAFT is a year nobody has submitted yet. */
    static final List<String> STATUSES = List.of("DRAFT", "SUBMITTING", "SUBMITTED", "RETURNED", "APPROVED");

    @Transactional
    public Page page(Caller caller, int fiscalYear, String status, String updatedSince, String cursor, int limit) {
        requireBureau(caller);
        if (status != null && !STATUSES.contains(status)) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("status", "summary.status")));
        }
        return pageOf(fiscalYear, status, io.jixiao.platform.api.ChangeFeed.parseSinceParam("updatedSince", updatedSince),
                cursor, limit);
    }

    /**
     * The page as the API answers it (JSON, ETag, next cursor), kept in memory until a row of its year
     * changes: the bureau's dashboards ask for the same pages again and again between changes.
     */
    public DocumentCache.Entry pageDocument(Caller caller, int fiscalYear, String status, String updatedSince,
            String cursor, int limit) {
        requireBureau(caller);
        String variant = status + "\n" + updatedSince + "\n" + cursor + "\n" + limit;
        return cache.get(DocumentCache.region(TABLE, fiscalYear), variant, () -> {
            Page p = QuarkusTransaction.requiringNew().call(() -> page(caller, fiscalYear, status, updatedSince, cursor, limit));
            try {
                String body = mapper.writeValueAsString(p);
                return new DocumentCache.Entry(io.jixiao.platform.api.Documents.etag(body), body, p.nextCursor());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Page pageOf(int fiscalYear, String cursor, int limit) {
        return pageOf(fiscalYear, null, null, cursor, limit);
    }

    private Page pageOf(int fiscalYear, String status, java.time.OffsetDateTime updatedSince, String cursor, int limit) {
        io.jixiao.platform.api.Requests.limit(limit, MAX_LIMIT);
        String[] after = decodeCursor(cursor);
        StringBuilder q = new StringBuilder("from SummaryRow r where r.key.fiscalYear = :year and (r.departmentCode > :code or "
                + "(r.departmentCode = :code and r.key.departmentId > :id))");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("year", fiscalYear)
                .and("code", after[0]).and("id", after[1]);
        if (status != null) {
            q.append(" and r.status = :status");
            params.and("status", status);
        }
        if (updatedSince != null) {
            // changed figures, a new score or a filing step: any of them makes the row new to a puller
            q.append(" and r.changedAt >= :since");
            params.and("since", updatedSince);
        }
        q.append(" order by r.departmentCode, r.key.departmentId");
        List<SummaryRow> stored = SummaryRow.<SummaryRow>find(q.toString(), params).page(0, limit + 1).list();
        String next = null;
        if (stored.size() > limit) {
            stored = stored.subList(0, limit);
            SummaryRow last = stored.get(limit - 1);
            next = io.jixiao.platform.api.Cursors.ofTexts(last.departmentCode, last.key.departmentId());
        }
        List<DistrictSummary.Row> rows = new ArrayList<>();
        for (SummaryRow r : stored) {
            try {
                rows.add(mapper.readValue(r.body, DistrictSummary.Row.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("unreadable summary row " + r.key, e);
            }
        }
        return new Page(fiscalYear, rows, next);
    }

    /**
     * Writes the department-year's summary row from its sheet, score, narrative and filing as they are
     * in this transaction; called by every change of those (read model events, narrative saves, filing
     * steps). Nothing is written before the year's sheet has arrived.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onChange(@jakarta.enterprise.event.Observes DepartmentYearChanged change) {
        refresh(change.key());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(BasicExpenditureView.Key key) {
        // One refresh of a department-year at a time, each reading what the others committed: the sheet
        // and the score arrive on two topics in concurrent transactions, and without this each could
        // miss the other's uncommitted row and the last writer would store a row without the score.
        SummaryRow.getEntityManager()
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext('summary:' || ?1), ?2)) l")
                .setParameter(1, key.departmentId()).setParameter(2, key.fiscalYear()).getSingleResult();
        BudgetSheetCopy s = BudgetSheetCopy.findById(key);
        if (s == null) {
            return;
        }
        Object[] review = reReview(key);
        DistrictSummary.Row row = row(s, review);
        SummaryRow r = SummaryRow.findById(key);
        if (r == null) {
            r = new SummaryRow();
            r.key = key;
        }
        r.departmentCode = s.departmentCode;
        r.status = row.status();
        OffsetDateTime changed = s.updatedAt;
        ScoreView score = ScoreView.findById(key);
        Filing filing = Filing.findById(key);
        if (score != null && score.updatedAt.isAfter(changed)) {
            changed = score.updatedAt;
        }
        if (filing != null && filing.updatedAt.isAfter(changed)) {
            changed = filing.updatedAt;
        }
        OffsetDateTime reviewed = review == null ? null : io.jixiao.report.service.Columns.time(review[5]);
        if (reviewed != null && reviewed.isAfter(changed)) {
            changed = reviewed;
        }
        r.changedAt = changed;
        try {
            r.write(mapper.writeValueAsString(row), s.revision);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        r.persist();
        cache.invalidateAfterCommit(DocumentCache.region(TABLE, key.fiscalYear()));
    }

    /** Department-years whose sheet arrived before summary rows were kept (an upgrade): written once at start. */
    void backfillAtStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        backfill();
    }

    /**
     * Writes the row of every department-year that has a sheet but no summary row (a migration such as
     * V12 drops rows to have them written again); the number written.
     */
    public int backfill() {
        List<BasicExpenditureView.Key> missing = QuarkusTransaction.requiringNew().call(() -> BudgetSheetCopy.<BudgetSheetCopy>find(
                "from BudgetSheetCopy s where not exists (select 1 from SummaryRow r where r.key = s.key)").list()
                .stream().map(v -> v.key).toList());
        for (BasicExpenditureView.Key key : missing) {
            QuarkusTransaction.requiringNew().run(() -> refresh(key));
        }
        if (!missing.isEmpty()) {
            org.jboss.logging.Logger.getLogger(DistrictSummaryService.class)
                    .infof("summary: %d row(s) written for years received before summary rows were kept", missing.size());
        }
        return missing.size();
    }

    /**
     * Every row of the year in code order, page by page (one transaction per page), for the exports;
     * the caller's access is checked by the resource before the response starts streaming.
     */
    public void forEach(int fiscalYear, Consumer<DistrictSummary.Row> each) {
        String cursor = null;
        do {
            String c = cursor;
            Page p = QuarkusTransaction.requiringNew().call(() -> pageOf(fiscalYear, c, 100));
            p.items().forEach(each);
            cursor = p.nextCursor();
        } while (cursor != null);
    }

    public static void requireBureau(Caller caller) {
        if (!caller.readsAllDepartments()) {
            throw ProblemException.forbidden("summary.bureau-only");
        }
    }

    /**
     * {round, self total, re-review total, deviation, flagged, reviewed at} of the department-year's
     * 抽查复核, or null; a department is in one round a year, so there is at most one.
     */
    private static Object[] reReview(BasicExpenditureView.Key key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = SummaryRow.getEntityManager().createNativeQuery("select round_id, self_total, review_total, "
                + "deviation, flagged, reviewed_at from season_rereview where department_id = ?1 and fiscal_year = ?2")
                .setParameter(1, key.departmentId()).setParameter(2, key.fiscalYear()).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static DistrictSummary.ReReview reReviewOf(Object[] r) {
        return r == null ? null : new DistrictSummary.ReReview(((Number) r[0]).longValue(), ((BigDecimal) r[1]).toPlainString(),
                ((BigDecimal) r[2]).toPlainString(), ((BigDecimal) r[3]).toPlainString(), (Boolean) r[4]);
    }

    DistrictSummary.Row row(BudgetSheetCopy s, Object[] review) {
        BasicExpenditureView.Key key = s.key;
        ScoreView score = ScoreView.findById(key);
        Filing filing = Filing.findById(key);
        Narrative n = Narrative.find(key.departmentId(), key.fiscalYear()).orElse(null);
        ReportService.Assembled a = reports.assemble(s, score, n);
        BudgetSheet sheet;
        try {
            sheet = mapper.readValue(s.sheet, BudgetSheet.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable sheet", e);
        }
        BigDecimal basicBudget = sheet.basic() == null ? null : sheet.basic().budget();
        BigDecimal basicActual = sheet.basic() == null ? null : sheet.basic().actual();
        BigDecimal projectBudget = sheet.projectTotals() == null ? null : sheet.projectTotals().budget();
        BigDecimal projectActual = sheet.projectTotals() == null ? null : sheet.projectTotals().actual();
        BigDecimal budget = add(basicBudget, projectBudget);
        BigDecimal actual = add(basicActual, projectActual);
        List<String> main = a.findings().stream()
                .sorted(Comparator.comparing((Finding f) -> f.severity() != Finding.Severity.FATAL)
                        .thenComparing(f -> f.tag() == Finding.Tag.COMPLETENESS))
                .map(Finding::message).distinct().limit(MAIN_FINDINGS).toList();
        return new DistrictSummary.Row(key.departmentId(), s.departmentCode, s.departmentName, key.fiscalYear(),
                filing == null ? "DRAFT" : filing.status.name(), filing == null ? null : filing.latestVersion,
                score == null ? null : score.total.toPlainString(), score == null ? null : score.grade,
                DistrictSummary.yuan(budget), DistrictSummary.yuan(actual), DistrictSummary.rate(actual, budget), DistrictSummary.rate(basicActual, basicBudget),
                DistrictSummary.rate(projectActual, projectBudget),
                a.findings().stream().filter(f -> f.severity() == Finding.Severity.FATAL).count(),
                a.findings().stream().filter(f -> f.severity() == Finding.Severity.WARNING).count(), main, s.revision,
                reReviewOf(review));
    }

    /** {department code, department id} after which the page starts; {"", ""} from the beginning. */
    private static String[] decodeCursor(String cursor) {
        String[] after = io.jixiao.platform.api.Cursors.texts(cursor, 2);
        return after == null ? new String[] {"", ""} : after;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (a == null && b == null) {
            return null;
        }
        return (a == null ? BigDecimal.ZERO : a).add(b == null ? BigDecimal.ZERO : b);
    }


}
