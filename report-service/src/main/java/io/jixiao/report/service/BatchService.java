package io.jixiao.report.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.outbox.Outbox;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.platform.security.Roles;
import io.jixiao.report.checker.Finding;
import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.domain.BasicExpenditureView;
import io.jixiao.report.domain.Narrative;
import io.jixiao.report.domain.ReportJob;
import io.jixiao.report.domain.ScoreView;
import io.jixiao.report.domain.BudgetSheetCopy;
import io.jixiao.report.messaging.PublishedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Batch generation (批量生成) of every department's report of a year, in the background: one
 * transaction per department stores its DOCX and PDF and publishes ReportGenerated through the outbox,
 * and counts it done or failed, so the progress is always what has been committed. One thread runs a
 * job; its departments are rendered by {@code jixiao.report.batch.workers} threads (default 2: the
 * assembly, checker and DOCX of one report overlap the PDF of another, whose engine is one at a time).
 */
@ApplicationScoped
public class BatchService {

    private static final Logger LOG = Logger.getLogger(BatchService.class);

    public record Progress(UUID id, int fiscalYear, String status, int total, int done, int failed, BigDecimal percent,
            List<Map<String, String>> failures, String requestedBy, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
    }

    private final ReportService reports;
    private final ReportDocuments documents;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final EntityManager em;
    private final DataSource dataSource;
    private final ReportConfig config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "report-batch");
        t.setDaemon(true);
        return t;
    });
    /** The departments' reports of a batch render side by side, one per core (the PDF engine itself is one at a time). */
    private final ExecutorService renderers;

    public BatchService(ReportService reports, ReportDocuments documents, Outbox outbox, ObjectMapper mapper,
            EntityManager em, DataSource dataSource, ReportConfig config) {
        this.reports = reports;
        this.documents = documents;
        this.outbox = outbox;
        this.mapper = mapper;
        this.em = em;
        this.dataSource = dataSource;
        this.config = config;
        this.renderers = Executors.newFixedThreadPool(Math.max(1, config.batch().workers()), r -> {
            Thread t = new Thread(r, "report-batch-render");
            t.setDaemon(true);
            return t;
        });
    }

    /** Jobs cut off by a restart are finished as FAILED, never left "running" forever. */
    void interrupted(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            int n = ReportJob.update("status = ?1, finishedAt = ?2 where status = ?3", ReportJob.Status.FAILED,
                    OffsetDateTime.now(ZoneOffset.UTC), ReportJob.Status.RUNNING);
            if (n > 0) {
                LOG.warnf("%d batch job(s) were interrupted by a restart and are marked FAILED", n);
            }
        });
    }

    public Progress start(Caller caller, int fiscalYear) {
        if (!caller.hasRole(Roles.FINANCE_REVIEWER) && !caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("batch.reviewer-only");
        }
        ReportJob job = QuarkusTransaction.requiringNew().call(() -> {
            // one running job per year: the advisory lock makes the check and the insert atomic across requests
            em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, 4_250_000L + fiscalYear)
                    .getSingleResult();
            ReportJob running = ReportJob.<ReportJob>find("fiscalYear = ?1 and status = ?2", fiscalYear,
                    ReportJob.Status.RUNNING).firstResult();
            if (running != null) {
                throw ProblemException.conflict("batch.running", String.valueOf(fiscalYear), running.id.toString());
            }
            long total = BudgetSheetCopy.count("key.fiscalYear", fiscalYear);
            if (total == 0) {
                throw ProblemException.notFound("batch.empty", String.valueOf(fiscalYear));
            }
            ReportJob j = new ReportJob();
            j.id = UUID.randomUUID();
            j.fiscalYear = fiscalYear;
            j.status = ReportJob.Status.RUNNING;
            j.total = (int) total;
            j.failures = "[]";
            j.requestedBy = caller.name();
            j.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            j.persist();
            return j;
        });
        UUID id = job.id;
        String actor = caller.name();
        worker.submit(() -> run(id, fiscalYear, actor));
        return progress(id);
    }

    private void run(UUID jobId, int fiscalYear, String actor) {
        long t0 = System.nanoTime();
        try {
            List<BasicExpenditureView.Key> keys = QuarkusTransaction.requiringNew().call(() -> BudgetSheetCopy.<BudgetSheetCopy>find(
                    "key.fiscalYear = ?1 order by departmentCode, key.departmentId", fiscalYear).stream()
                    .map(s -> s.key).toList());
            List<Future<?>> reports = new ArrayList<>(keys.size());
            for (BasicExpenditureView.Key key : keys) {
                reports.add(renderers.submit(() -> generateOrFail(jobId, key, actor)));
            }
            for (Future<?> f : reports) {
                f.get();
            }
            QuarkusTransaction.requiringNew().run(() -> {
                ReportJob job = ReportJob.findById(jobId);
                job.status = ReportJob.Status.DONE;
                job.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
            });
            LOG.infof("batch %s (%d) done in %d ms", jobId, fiscalYear, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException | InterruptedException | ExecutionException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.errorf(e, "batch %s stopped", jobId);
            QuarkusTransaction.requiringNew().run(() -> {
                ReportJob job = ReportJob.findById(jobId);
                job.status = ReportJob.Status.FAILED;
                job.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
            });
        }
    }

    private void generateOrFail(UUID jobId, BasicExpenditureView.Key key, String actor) {
        try {
            generate(jobId, key, actor);
        } catch (RuntimeException e) {
            LOG.warnf(e, "batch %s: report of %s failed", jobId, key);
            QuarkusTransaction.requiringNew().run(() -> fail(jobId, key, e));
        }
    }

    /** The views a report is assembled from, read in one short transaction. */
    private record Views(BudgetSheetCopy sheet, ScoreView score, Narrative narrative) {
    }

    /**
     * One department's report: read, then assembled and rendered outside any transaction (no connection
     * or lock is held while the CPU works), then stored with its event and counted in one transaction.
     */
    private void generate(UUID jobId, BasicExpenditureView.Key key, String actor) {
        Views v = QuarkusTransaction.requiringNew().call(() -> new Views(BudgetSheetCopy.findById(key), ScoreView.findById(key),
                Narrative.find(key.departmentId(), key.fiscalYear()).orElse(null)));
        if (v.sheet() == null) {
            throw ProblemException.notFound("report.not-found", String.valueOf(key.fiscalYear()));
        }
        ReportService.Assembled a = reports.assemble(v.sheet(), v.score(), v.narrative());
        byte[] docx = documents.docx(a.report());
        byte[] pdf = documents.pdf(a.report());
        BudgetSheetCopy sheet = v.sheet();
        ScoreView score = v.score();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into report_job_document (job_id, department_id, department_code, "
                    + "department_name, docx, pdf) values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, jobId).setParameter(2, key.departmentId()).setParameter(3, sheet.departmentCode)
                    .setParameter(4, sheet.departmentName).setParameter(5, docx).setParameter(6, pdf).executeUpdate();
            outbox.publish(PublishedEvents.REPORT_GENERATED, 1, key.departmentId(), key.fiscalYear(), actor,
                    new PublishedEvents.ReportGeneratedPayload(jobId,
                    a.sheetRevision(), a.scoreRevision(), score == null ? null : score.total.toPlainString(),
                    score == null ? null : score.grade, FilingService.sha256(docx), FilingService.sha256(pdf),
                    a.findings().stream().filter(f -> f.severity() == Finding.Severity.FATAL).count(),
                    a.findings().stream().filter(f -> f.severity() == Finding.Severity.WARNING).count()));
            // the job row is the one lock the workers share: its counter is what the progress shows
            ReportJob job = ReportJob.findById(jobId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            job.done++;
        });
    }

    private void fail(UUID jobId, BasicExpenditureView.Key key, RuntimeException e) {
        ReportJob job = ReportJob.findById(jobId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        BudgetSheetCopy sheet = BudgetSheetCopy.findById(key);
        List<Map<String, String>> failures = failures(job);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("departmentId", key.departmentId());
        f.put("departmentName", sheet == null ? key.departmentId() : sheet.departmentName);
        f.put("message", e instanceof ProblemException p
                ? io.jixiao.platform.problem.Messages.text(io.jixiao.platform.problem.Messages.ZH, p.code(), p.args())
                : "生成失败：" + e.getClass().getSimpleName());
        failures.add(f);
        job.failures = json(failures);
        job.failed++;
    }

    public Progress progress(Caller caller, UUID id) {
        if (!caller.readsAllDepartments()) {
            throw ProblemException.forbidden("summary.bureau-only");
        }
        return progress(id);
    }

    private Progress progress(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReportJob job = ReportJob.findById(id);
            if (job == null) {
                throw ProblemException.notFound("batch.not-found", id.toString());
            }
            return progressOf(job);
        });
    }

    /** The most recent batches (of a year, or of every year), newest first; finished ones until purged. */
    public List<Progress> recent(Caller caller, Integer fiscalYear, int limit) {
        if (!caller.readsAllDepartments()) {
            throw ProblemException.forbidden("summary.bureau-only");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ReportJob> jobs = fiscalYear == null
                    ? ReportJob.<ReportJob>find("order by createdAt desc").page(0, limit).list()
                    : ReportJob.<ReportJob>find("fiscalYear = ?1 order by createdAt desc", fiscalYear).page(0, limit).list();
            return jobs.stream().map(this::progressOf).toList();
        });
    }

    private Progress progressOf(ReportJob job) {
        BigDecimal percent = job.total == 0 ? BigDecimal.valueOf(100).setScale(2)
                : BigDecimal.valueOf((job.done + job.failed) * 100L).divide(BigDecimal.valueOf(job.total), 2, RoundingMode.DOWN);
        return new Progress(job.id, job.fiscalYear, job.status.name(), job.total, job.done, job.failed, percent,
                failures(job), job.requestedBy, job.createdAt, job.finishedAt);
    }

    /**
     * The job's documents as a ZIP, streamed from the database row by row (cursor with a fetch size)
     * into the response: "<code> <name>/<name>.docx" and ".pdf" per department.
     */
    public void zip(UUID id, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement("select department_code, department_name, docx, pdf "
                    + "from report_job_document where job_id = ? order by department_code, department_id")) {
                ps.setFetchSize(4);
                ps.setObject(1, id);
                ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String folder = safe(rs.getString(1) + " " + rs.getString(2));
                        String name = safe(rs.getString(2));
                        zip.putNextEntry(new ZipEntry(folder + "/" + name + "-自评报告.docx"));
                        zip.write(rs.getBytes(3));
                        zip.closeEntry();
                        zip.putNextEntry(new ZipEntry(folder + "/" + name + "-自评报告.pdf"));
                        zip.write(rs.getBytes(4));
                        zip.closeEntry();
                    }
                }
                zip.finish();
                zip.flush();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checked before the ZIP starts streaming: the job exists, the caller may read it, and it is finished. */
    public Progress downloadable(Caller caller, UUID id) {
        Progress p = progress(caller, id);
        if ("RUNNING".equals(p.status())) {
            throw ProblemException.conflict("batch.not-finished", String.valueOf(p.done() + p.failed()),
                    String.valueOf(p.total()));
        }
        return p;
    }

    /** Finished jobs and their documents are kept for jixiao.report.batch.keep (default 7 days). */
    @Scheduled(every = "1h", delayed = "10m")
    void purge() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.batch().keep());
        QuarkusTransaction.requiringNew().run(() -> ReportJob.delete("status <> ?1 and finishedAt < ?2",
                ReportJob.Status.RUNNING, before));
    }

    private static String safe(String s) {
        return s.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    private List<Map<String, String>> failures(ReportJob job) {
        try {
            return new ArrayList<>(mapper.readValue(job.failures, new TypeReference<List<Map<String, String>>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        renderers.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        renderers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
