package io.jixiao.budget.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.jixiao.budget.domain.Department;
import io.jixiao.budget.domain.FilingLock;
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
import io.jixiao.budget.domain.ImportJob;

/**
 * Imports run as background jobs: the upload is checked at once (type by content, size, encoding) and
 * queued; a worker runs it ({@link ImportRunner}: read once, checked, saved all or nothing). The job's
 * row carries state, progress and errors; a job whose process died is marked INTERRUPTED by the
 * heartbeat sweep instead of staying "running" forever.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final ImportConfig config;
    private final DepartmentService departments;
    private final ImportRunner runner;
    private final String instanceId = UUID.randomUUID().toString();
    private final Set<UUID> mine = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private ExecutorService workers;
    private ImportQueue queue;
    private Path workDir;

    public ImportService(ImportConfig config, DepartmentService departments, ImportRunner runner) {
        this.config = config;
        this.departments = departments;
        this.runner = runner;
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
            FilingLock filing = FilingLock.findById(new FilingLock.Key(departmentId, fiscalYear));
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
            queue.enqueue(ticket, () -> {
                try {
                    runner.run(id, writer, file, kept);
                } finally {
                    mine.remove(id);
                    deleteQuietly(kept);
                }
            });
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

    /**
     * Heartbeat: this process touches its own queued and running jobs; any other active job that has
     * not been touched for the timeout belongs to a process that is gone (a restart, a crash). The first
     * sweep comes 5 s after start, so that a process restarted after a crash ends its predecessor's stale
     * jobs at once rather than half a minute later.
     */
    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
