package io.jixiao.budget.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.jixiao.budget.domain.Department;
import io.jixiao.budget.domain.Filing;
import io.jixiao.budget.domain.Project;
import io.jixiao.budget.imports.ImportLayout.Kind;
import io.jixiao.budget.service.DepartmentService;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Imports run as background jobs: the upload is checked at once (type by content, size, encoding),
 * then a worker reads the file once, checking every row of every sheet and spooling the checked 支出明细
 * (nothing written yet), and only a file without a single error is saved, in one transaction (the
 * spool streamed into PostgreSQL COPY). The job's row carries state, progress and errors; a job whose process died is marked
 * INTERRUPTED by the heartbeat sweep instead of staying "running" forever.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /** Progress is written at most this often. */
    private static final long PROGRESS_MILLIS = 250;

    private final ImportConfig config;
    private final DepartmentService departments;
    private final ImportSaver saver;
    private final String instanceId = UUID.randomUUID().toString();
    private final Set<UUID> mine = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private ExecutorService workers;
    private ImportQueue queue;
    private Path workDir;

    public ImportService(ImportConfig config, DepartmentService departments, ImportSaver saver) {
        this.config = config;
        this.departments = departments;
        this.saver = saver;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        workDir = Path.of(config.workDir().orElse(System.getProperty("java.io.tmpdir") + "/jixiao-imports"));
        Files.createDirectories(workDir);
        queue = new ImportQueue(config.maxWaitingPerDepartment(), config.maxWaiting(), config.maxQueuedBytes(),
                config.retryAfterSeconds());
        int count = Math.max(1, config.workers());
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "import-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < count; i++) {
            workers.submit(this::work);
        }
        sweep();
        // files of a previous run (a crash, a kill) would otherwise stay in the work folder for good
        sweepFiles(java.time.Duration.ZERO);
    }

    /** A worker: the queue's next import, in the departments' turn, until shutdown. */
    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            ImportQueue.Ticket ticket;
            try {
                ticket = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                ticket.work.run();
            } catch (Throwable e) {
                LOG.errorf(e, "import worker: unexpected failure");
            } finally {
                queue.finished(ticket);
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (workers != null) {
            workers.shutdownNow();
            workers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    // ----------------------------------------------------------------------------------- submit

    /** Checks the caller and the file now (problems answered at once), then queues the job. */
    public ImportJob submit(Caller caller, String departmentId, int fiscalYear, Path upload, String fileName,
            Long basedOnRevision) {
        caller.checkWrite(departmentId);
        QuarkusTransaction.requiringNew().run(() -> {
            Department d = departments.require(departmentId);
            departments.checkFiscalYear(d, fiscalYear);
            Filing filing = Filing.findById(new Filing.Key(departmentId, fiscalYear));
            if (filing != null && filing.locked) {
                throw ProblemException.conflict("filing.locked", String.valueOf(fiscalYear));
            }
        });
        UploadedFile file = UploadedFile.sniff(upload, config.maxBytes());
        long size;
        try {
            size = Files.size(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the place in the queue (and on disk) first: a refused upload is never copied
        ImportQueue.Ticket ticket = queue.reserve(departmentId, size);
        UUID id = UUID.randomUUID();
        Path kept = workDir.resolve(id + (file.type() == UploadedFile.Type.XLSX ? ".xlsx" : ".csv"));
        boolean queued = false;
        try {
            try {
                Files.copy(upload, kept, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ImportJob job = persist(caller, departmentId, fiscalYear, fileName, basedOnRevision, file, id, size);
            mine.add(id);
            Caller writer = new Caller(caller.name(), Set.of(Roles.DEPARTMENT), departmentId);
            queue.enqueue(ticket, () -> run(id, writer, file, kept));
            queued = true;
            return job;
        } finally {
            if (!queued) {
                queue.cancel(ticket);
                deleteQuietly(kept);
            }
        }
    }

    private ImportJob persist(Caller caller, String departmentId, int fiscalYear, String fileName, Long basedOnRevision,
            UploadedFile file, UUID id, long size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob j = new ImportJob();
            j.id = id;
            j.departmentId = departmentId;
            j.fiscalYear = fiscalYear;
            j.fileName = fileName == null || fileName.isBlank() ? "upload" : truncate(fileName, 255);
            j.fileType = file.type().name();
            j.fileBytes = size;
            j.state = ImportJob.State.QUEUED;
            j.basedOnRevision = basedOnRevision;
            j.instanceId = instanceId;
            j.createdBy = caller.name();
            j.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            j.updatedAt = j.createdAt;
            j.persist();
            return j;
        });
    }

    private static void closeQuietly(LineSpool spool) {
        try {
            spool.close();
        } catch (IOException e) {
            LOG.warnf("imports: could not delete a spool (%s); the sweep tries again", e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("imports: could not delete %s (%s); the sweep tries again", file, e.getMessage());
        }
    }

    /**
     * Deletes uploaded files no waiting or running import needs: left by a crash or a kill, or by a
     * job another instance gave up. Files younger than minAge are left alone (an upload may be
     * between its copy and its job row).
     */
    void sweepFiles(java.time.Duration minAge) {
        java.time.Instant before = java.time.Instant.now().minus(minAge);
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(workDir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                UUID id;
                try {
                    id = UUID.fromString(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
                } catch (IllegalArgumentException e) {
                    id = null;
                }
                if (id != null && mine.contains(id) || Files.getLastModifiedTime(f).toInstant().isAfter(before)) {
                    continue;
                }
                UUID job = id;
                boolean active = job != null && QuarkusTransaction.requiringNew().call(() -> {
                    ImportJob j = ImportJob.findById(job);
                    return j != null && (j.state == ImportJob.State.QUEUED || j.state == ImportJob.State.RUNNING);
                });
                if (!active) {
                    deleteQuietly(f);
                }
            }
        } catch (IOException e) {
            LOG.warnf("imports: could not sweep %s (%s)", workDir, e.getMessage());
        }
    }

    Path workDir() {
        return workDir;
    }

    ImportQueue queue() {
        return queue;
    }

    /** A job of the department-year; another department's job is "not found" for this one. */
    public ImportJob get(Caller caller, String departmentId, int fiscalYear, UUID jobId) {
        caller.checkRead(departmentId);
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = ImportJob.findById(jobId);
            if (job == null || !job.departmentId.equals(departmentId) || job.fiscalYear != fiscalYear) {
                throw ProblemException.notFound("import.not-found", String.valueOf(jobId));
            }
            return job;
        });
    }

    public List<ImportJob> recent(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>find(
                "departmentId = ?1 and fiscalYear = ?2 order by createdAt desc", departmentId, fiscalYear)
                .page(0, 20).list());
    }

    // -------------------------------------------------------------------------------------- run

    void run(UUID id, Caller caller, UploadedFile file, Path path) {
        LineSpool[] spool = new LineSpool[1]; // the checked 支出明细, deleted when the job ends
        try {
            update(id, j -> {
                j.state = ImportJob.State.RUNNING;
                j.phase = ImportJob.Phase.VALIDATING;
            });
            long started = System.nanoTime();
            Validated v = validate(id, caller, file, path, spool);
            long validated = System.nanoTime();
            if (v.errors.count() > 0) {
                update(id, j -> {
                    j.state = ImportJob.State.FAILED;
                    j.errorCount = v.errors.count();
                    j.errors = new ArrayList<>(v.errors.kept());
                    j.failureCode = "import.invalid";
                    j.failureArgs = List.of(String.valueOf(v.errors.count()));
                    j.totalRows = v.rows;
                    j.finishedAt = now();
                });
                return;
            }
            if (v.rows == 0) {
                fail(id, "import.nothing");
                return;
            }
            update(id, j -> {
                j.phase = ImportJob.Phase.SAVING;
                j.totalRows = v.rows;
                j.processedRows = 0;
            });
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(id));
            int nonLineRows = (v.basic == null ? 0 : 1) + v.projects.size();
            Progress saving = new Progress(id, nonLineRows);
            ImportSaver.Result result = QuarkusTransaction.requiringNew().timeout(config.saveTimeoutSeconds())
                    .call(() -> saver.save(caller, job, v.basic, v.projects, v.lines, saving::rows));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("basicChanged", result.basicChanged());
            summary.put("projectsCreated", result.projectsCreated());
            summary.put("projectsUpdated", result.projectsUpdated());
            summary.put("projectsUnchanged", result.projectsUnchanged());
            summary.put("linesReplaced", result.linesReplaced());
            summary.put("linesSaved", result.linesSaved());
            summary.put("linesTotal", result.linesTotal());
            summary.put("revision", result.revision());
            update(id, j -> {
                j.state = ImportJob.State.SUCCEEDED;
                j.processedRows = v.rows;
                j.summary = summary;
                j.finishedAt = now();
            });
            // where an import's time goes, for the benchmark's import row and for operators
            LOG.infof("import %s: %d rows; validated in %d ms, saved in %d ms (%s)", id, v.rows,
                    (validated - started) / 1_000_000, (System.nanoTime() - validated) / 1_000_000, result.timings());
        } catch (ProblemException e) {
            update(id, j -> {
                j.state = ImportJob.State.FAILED;
                j.failureCode = e.code();
                j.failureArgs = e.args() == null ? List.of() : java.util.Arrays.stream(e.args()).map(String::valueOf).toList();
                j.finishedAt = now();
            });
        } catch (Throwable e) {
            ProblemException problem = findProblem(e);
            if (problem != null) {
                update(id, j -> {
                    j.state = ImportJob.State.FAILED;
                    j.failureCode = problem.code();
                    j.failureArgs = problem.args() == null ? List.of()
                            : java.util.Arrays.stream(problem.args()).map(String::valueOf).toList();
                    j.finishedAt = now();
                });
            } else if (isStaleVersion(e)) {
                fail(id, "version.conflict");
            } else {
                String incident = UUID.randomUUID().toString();
                LOG.errorf(e, "import %s failed, incident %s", id, incident);
                fail(id, "internal.error", incident);
            }
        } finally {
            mine.remove(id);
            if (spool[0] != null) {
                closeQuietly(spool[0]);
            }
            deleteQuietly(path);
        }
    }

    private static final class Validated {
        final RowParser.ImportErrors errors;
        RowParser.BasicRow basic;
        final List<RowParser.ProjectRow> projects = new ArrayList<>();
        final Set<String> knownProjects = new HashSet<>();
        LineSpool lines;
        int rows;

        Validated(int keep) {
            errors = new RowParser.ImportErrors(keep);
        }
    }

    /**
     * The one pass over the file: every row of every sheet, in the order 基本支出, 项目支出, 支出明细 (lines
     * name projects). The checked 支出明细 go to a spool the save streams to the database as they are.
     */
    private Validated validate(UUID id, Caller caller, UploadedFile file, Path path, LineSpool[] spool) throws Exception {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(id));
        Validated v = new Validated(config.keptErrors());
        QuarkusTransaction.requiringNew().run(() -> Project.of(job.departmentId, job.fiscalYear)
                .forEach(p -> v.knownProjects.add(p.name)));
        AtomicInteger seen = new AtomicInteger();
        if (file.type() == UploadedFile.Type.CSV) {
            int lines = countLines(path);
            update(id, j -> j.totalRows = Math.max(0, lines - 1));
        }
        Progress checking = new Progress(id, 0);
        Runnable onRow = () -> checking.rows(seen.incrementAndGet());
        for (Kind kind : Kind.values()) {
            Optional<String> sheet = sheetOf(file, kind);
            if (sheet.isEmpty()) {
                continue;
            }
            if (kind == Kind.LINES) {
                spool[0] = new LineSpool(workDir.resolve(id + ".lines"), job.departmentId, job.fiscalYear);
                v.lines = spool[0];
            }
            RowParser parser = new RowParser(kind, job.fiscalYear, v.knownProjects, v.errors, config.maxRows(), row -> {
                if (row instanceof RowParser.BasicRow b) {
                    v.basic = b;
                } else if (row instanceof RowParser.ProjectRow p) {
                    v.projects.add(p);
                } else if (v.errors.count() == 0) { // once a row is wrong nothing is saved: stop spooling
                    spoolLine(v.lines, (RowParser.LineRow) row);
                }
            }, onRow);
            read(file, path, sheet.get(), new SheetRows.RowHandler() {
                @Override
                public boolean row(SheetRows.Row row) {
                    return parser.row(row);
                }

                @Override
                public void dimension(int lastRow) {
                    // an estimate until the pass has counted the rows: what is done plus this sheet
                    int estimate = seen.get() + Math.max(0, lastRow - 1);
                    update(id, j -> j.totalRows = estimate);
                }
            });
            if (kind == Kind.PROJECTS) {
                // lines may name a project of this file even when that project's row has an error
                v.knownProjects.addAll(parser.projectNames());
            }
        }
        if (v.lines != null) {
            v.lines.finish();
            if (v.lines.lines() == 0) {
                v.lines = null; // a 支出明细 sheet without rows leaves the year's lines as they are
            }
        }
        v.rows = seen.get();
        progress(id, v.rows);
        return v;
    }

    private static void spoolLine(LineSpool spool, RowParser.LineRow line) {
        try {
            spool.add(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The job's processed rows, written at most every PROGRESS_MILLIS: each write is a transaction of
     * its own, and one per thousand rows cost more than the import's own rows.
     */
    private final class Progress {
        private final UUID id;
        private final int offset;
        private long lastWrite = System.nanoTime();

        Progress(UUID id, int offset) {
            this.id = id;
            this.offset = offset;
        }

        void rows(int done) {
            long now = System.nanoTime();
            if (now - lastWrite >= PROGRESS_MILLIS * 1_000_000L) {
                lastWrite = now;
                progress(id, offset + done);
            }
        }
    }

    /** Line breaks of a text file: the CSV's row estimate (a quoted line break counts twice, rarely). */
    private static int countLines(Path path) throws IOException {
        int lines = 0;
        byte last = '\n';
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path), 64 * 1024)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                last = buf[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    private static Optional<String> sheetOf(UploadedFile file, Kind kind) {
        if (file.type() == UploadedFile.Type.CSV) {
            return file.csvKind() == kind ? Optional.of(kind.sheetName) : Optional.empty();
        }
        return file.sheets().stream().filter(s -> Kind.bySheetName(s).orElse(null) == kind).findFirst();
    }

    private static void read(UploadedFile file, Path path, String sheet, SheetRows.RowHandler handler) throws Exception {
        if (file.type() == UploadedFile.Type.XLSX) {
            SheetRows.readXlsx(path, sheet, handler);
        } else {
            SheetRows.readCsv(path, file.charset(), handler);
        }
    }

    // ------------------------------------------------------------------------- state and sweep

    private void progress(UUID id, int processed) {
        update(id, j -> j.processedRows = processed);
    }

    private void fail(UUID id, String code, String... args) {
        update(id, j -> {
            j.state = ImportJob.State.FAILED;
            j.failureCode = code;
            j.failureArgs = List.of(args);
            j.finishedAt = now();
        });
    }

    /** Each state change in its own short transaction (also from inside the save transaction). */
    private void update(UUID id, java.util.function.Consumer<ImportJob> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(id);
            if (job != null) {
                change.accept(job);
                job.updatedAt = now();
            }
        });
    }

    /**
     * Heartbeat: this process touches its own queued and running jobs; any other active job that has
     * not been touched for the timeout belongs to a process that is gone (a restart, a crash).
     */
    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime now = now();
            if (!mine.isEmpty()) {
                ImportJob.update("updatedAt = ?1 where id in ?2 and state in ?3", now, List.copyOf(mine),
                        List.of(ImportJob.State.QUEUED, ImportJob.State.RUNNING));
            }
            long n = ImportJob.update("state = ?1, failureCode = ?2, finishedAt = ?3, updatedAt = ?3 "
                    + "where state in ?4 and updatedAt < ?5 and instanceId <> ?6",
                    ImportJob.State.INTERRUPTED, "import.interrupted", now,
                    List.of(ImportJob.State.QUEUED, ImportJob.State.RUNNING),
                    now.minusSeconds(config.heartbeatTimeoutSeconds()), instanceId);
            if (n > 0) {
                LOG.warnf("imports: %d job(s) of a stopped process marked INTERRUPTED", n);
            }
        });
        if (workDir != null) {
            sweepFiles(java.time.Duration.ofMinutes(5));
        }
    }

    public String instanceId() {
        return instanceId;
    }

    private static ProblemException findProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
        }
        return null;
    }

    private static boolean isStaleVersion(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
