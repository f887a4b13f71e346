package io.jixiao.budget.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.jixiao.budget.domain.Project;
import io.jixiao.budget.imports.ImportLayout.Kind;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.problem.Throwables;
import io.jixiao.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import io.jixiao.budget.domain.ImportJob;

/**
 * One import job, on an import worker: the file is read once. The rows of 基本支出 and 项目支出 are
 * checked first; when they have no error, {@link ImportSaver} saves them in one transaction and, in the
 * same transaction, reads and checks the 支出明细 while streaming them into the database. A single error
 * anywhere rolls it all back, and the pass goes on to report every error of the file. The job's row
 * carries state, phase, progress, errors and the summary; a failure of any kind ends it FAILED with a
 * code the SPA shows.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    /** Progress is written at most this often. */
    private static final long PROGRESS_MILLIS = 250;

    private final ImportConfig config;
    private final ImportSaver saver;

    public ImportRunner(ImportConfig config, ImportSaver saver) {
        this.config = config;
        this.saver = saver;
    }

    void run(UUID id, Caller caller, UploadedFile file, Path path) {
        try {
            update(id, j -> {
                j.state = ImportJob.State.RUNNING;
                j.phase = ImportJob.Phase.VALIDATING;
            });
            long started = System.nanoTime();
            Validated v = validateFigures(id, file, path);
            Optional<String> linesSheet = sheetOf(file, Kind.LINES);
            ImportSaver.Result result = null;
            if (v.errors.count() > 0) {
                if (linesSheet.isPresent()) {
                    readLines(v, file, path, linesSheet.get(), line -> {
                    }); // every error of the file, nothing saved
                }
            } else if (linesSheet.isEmpty() && v.rows() == 0) {
                fail(id, "import.nothing");
                return;
            } else {
                ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(id));
                // SAVING from here: the save holds the filing lock and writes the 支出明细 as they are read
                ImportSaver.LineSource lines = linesSheet.isEmpty() ? null : sink -> {
                    update(id, j -> j.phase = ImportJob.Phase.SAVING);
                    readLines(v, file, path, linesSheet.get(), sink);
                    if (v.errors.count() > 0) {
                        throw new InvalidRows(); // rolls back what the save has written
                    }
                    if (v.rows() == 0) {
                        throw new ProblemException(422, "import.nothing", List.of());
                    }
                };
                try {
                    result = QuarkusTransaction.requiringNew().timeout(config.saveTimeoutSeconds())
                            .call(() -> saver.save(caller, job, v.basic, v.projects, lines));
                } catch (InvalidRows e) {
                    // reported below with the errors
                }
            }
            if (v.errors.count() > 0) {
                update(id, j -> {
                    j.state = ImportJob.State.FAILED;
                    j.errorCount = v.errors.count();
                    j.errors = new ArrayList<>(v.errors.kept());
                    j.failureCode = "import.invalid";
                    j.failureArgs = List.of(String.valueOf(v.errors.count()));
                    j.totalRows = v.rows();
                    j.processedRows = v.rows();
                    j.finishedAt = now();
                });
                return;
            }
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
                j.totalRows = v.rows();
                j.processedRows = v.rows();
                j.summary = summary;
                j.finishedAt = now();
            });
            // where an import's time goes, for the benchmark's import row and for operators
            LOG.infof("import %s: %d rows in %d ms (%s)", id, v.rows(), (System.nanoTime() - started) / 1_000_000,
                    result.timings());
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
        }
    }

    /** The file has row errors: the save is rolled back and the job reports them. */
    private static final class InvalidRows extends RuntimeException {
        InvalidRows() {
            super(null, null, false, false);
        }
    }

    private final class Validated {
        final UUID id;
        final ImportErrors errors;
        RowParser.BasicRow basic;
        final List<RowParser.ProjectRow> projects = new ArrayList<>();
        final Set<String> knownProjects = new HashSet<>();
        final AtomicInteger seen = new AtomicInteger();
        final Progress checking;
        int fiscalYear;

        Validated(UUID id, int keep) {
            this.id = id;
            errors = new ImportErrors(keep);
            checking = new Progress(id);
        }

        int rows() {
            return seen.get();
        }

        /** A row reader that counts the rows (progress) and estimates the total from the sheet's dimension. */
        SheetRows.RowHandler handler(RowParser parser) {
            return new SheetRows.RowHandler() {
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
            };
        }

        RowParser parser(Kind kind, java.util.function.Consumer<Object> sink) {
            return new RowParser(kind, fiscalYear, knownProjects, errors, config.maxRows(), sink,
                    () -> checking.rows(seen.incrementAndGet()));
        }
    }

    /**
     * The first part of the one pass over the file: the rows of 基本支出 and 项目支出, checked and held
     * (they are few). The 支出明细 follow in {@link #readLines}, inside the save when these had no error.
     */
    private Validated validateFigures(UUID id, UploadedFile file, Path path) throws Exception {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(id));
        Validated v = new Validated(id, config.keptErrors());
        v.fiscalYear = job.fiscalYear;
        QuarkusTransaction.requiringNew().run(() -> Project.of(job.departmentId, job.fiscalYear)
                .forEach(p -> v.knownProjects.add(p.name)));
        if (file.type() == UploadedFile.Type.CSV) {
            int lines = countLines(path);
            update(id, j -> j.totalRows = Math.max(0, lines - 1));
        }
        for (Kind kind : List.of(Kind.BASIC, Kind.PROJECTS)) {
            Optional<String> sheet = sheetOf(file, kind);
            if (sheet.isEmpty()) {
                continue;
            }
            RowParser parser = v.parser(kind, row -> {
                if (row instanceof RowParser.BasicRow b) {
                    v.basic = b;
                } else {
                    v.projects.add((RowParser.ProjectRow) row);
                }
            });
            read(file, path, sheet.get(), v.handler(parser));
            if (kind == Kind.PROJECTS) {
                // lines may name a project of this file even when that project's row has an error
                v.knownProjects.addAll(parser.projectNames());
            }
        }
        return v;
    }

    /** The 支出明细 sheet, each row checked; the checked lines go to the sink while the file has no error. */
    private void readLines(Validated v, UploadedFile file, Path path, String sheet,
            java.util.function.Consumer<RowParser.LineRow> sink) throws Exception {
        RowParser parser = v.parser(Kind.LINES, row -> {
            if (v.errors.count() == 0) { // once a row is wrong nothing is saved: stop copying
                sink.accept((RowParser.LineRow) row);
            }
        });
        read(file, path, sheet, v.handler(parser));
        progress(v.id, v.rows());
    }

    /**
     * The job's processed rows, written at most every PROGRESS_MILLIS: each write is a transaction of
     * its own, and one per thousand rows cost more than the import's own rows.
     */
    private final class Progress {
        private final UUID id;
        private long lastWrite = System.nanoTime();

        Progress(UUID id) {
            this.id = id;
        }

        void rows(int done) {
            long now = System.nanoTime();
            if (now - lastWrite >= PROGRESS_MILLIS * 1_000_000L) {
                lastWrite = now;
                progress(id, done);
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
            CsvRows.read(path, file.charset(), handler);
        }
    }

    // ------------------------------------------------------------------------- the job's row

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

    private static ProblemException findProblem(Throwable e) {
        return Throwables.find(e, ProblemException.class).orElse(null);
    }

    private static boolean isStaleVersion(Throwable e) {
        return Throwables.chain(e).stream().anyMatch(t -> t instanceof jakarta.persistence.OptimisticLockException
                || t instanceof org.hibernate.StaleStateException);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
