package io.jixiao.budget.imports;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;
import org.postgresql.PGConnection;

import io.jixiao.budget.domain.BasicExpenditure;
import io.jixiao.budget.domain.FilingLock;
import io.jixiao.budget.domain.Project;
import io.jixiao.budget.messaging.BudgetEvents;
import io.jixiao.budget.service.DerivedFigures;
import io.jixiao.budget.service.FilingGuard;
import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.outbox.Outbox;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.jixiao.budget.domain.ImportJob;

/**
 * Saves a validated import in the caller's one transaction, through the filing rules: the guard's
 * department/year/lock checks (locked → 409), an audit row per changed value, one new revision and
 * one BudgetFiguresChanged for the whole import (plus BasicExpenditureChanged when 基本支出 changed,
 * which report-service's 基本支出 view consumes). 支出明细 are replaced through PostgreSQL COPY.
 */
@ApplicationScoped
public class ImportSaver {

    public static final String AUDIT_LINES = "spending_lines";

    private final FilingGuard guard;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final EntityManager em;

    public ImportSaver(FilingGuard guard, AuditTrail audit, Outbox outbox, EntityManager em) {
        this.guard = guard;
        this.audit = audit;
        this.outbox = outbox;
        this.em = em;
    }

    public record Result(boolean basicChanged, int projectsCreated, int projectsUpdated, int projectsUnchanged,
            int linesReplaced, int linesSaved, String linesTotal, long revision, String timings) {
    }

    /** The file's 支出明细 sheet, read (and each row checked) while the save runs. */
    @FunctionalInterface
    public interface LineSource {
        /**
         * Reads every row; each checked line goes to the sink as long as the file has no error. Throws
         * when the file turns out to have errors (or no rows at all), which rolls the save back.
         */
        void read(java.util.function.Consumer<RowParser.LineRow> sink) throws Exception;
    }

    /**
     * @param lines the file's 支出明细 sheet, or null when the file has none; a sheet without rows leaves the
     *        year's lines as they are
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result save(Caller caller, ImportJob job, RowParser.BasicRow basic, List<RowParser.ProjectRow> projects,
            LineSource lines) throws Exception {
        long t0 = System.nanoTime();
        String dept = job.departmentId;
        int year = job.fiscalYear;
        FilingLock filing = guard.beginWrite(caller, dept, year);
        if (job.basedOnRevision != null && job.basedOnRevision != filing.revision) {
            throw ProblemException.conflict("version.conflict");
        }
        boolean basicChanged = basic != null && saveBasic(caller, dept, year, basic);
        int[] projectCounts = new int[3];
        for (RowParser.ProjectRow p : projects) {
            projectCounts[saveProject(caller, dept, year, p)]++;
        }
        long t1 = System.nanoTime();
        int replaced = 0;
        String lineTimes = "";
        LineCopy copied = null;
        if (lines != null) {
            em.flush();
            Replaced old = replaceLines(dept, year, lines);
            copied = old.lines();
            replaced = old.count();
            lineTimes = String.format(" (delete %d ms, read and copy %d ms)", old.deleteMillis(), old.copyMillis());
            if (copied != null) {
                audit.record(AUDIT_LINES, dept + ":" + year, null, caller.name(), List.of(
                        new AuditTrail.Change("lines", old.summary(), summary(copied.lines(), copied.total())),
                        new AuditTrail.Change("importedFrom", null, job.fileName + " (" + job.id + ")")));
            }
        }
        long t2 = System.nanoTime();
        boolean changed = basicChanged || projectCounts[0] > 0 || projectCounts[1] > 0 || copied != null;
        if (changed) {
            guard.republish(caller, filing, "import");
        }
        em.flush();
        String timings = String.format("figures %d ms, lines %d ms%s, sheet %d ms", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, lineTimes, (System.nanoTime() - t2) / 1_000_000);
        return new Result(basicChanged, projectCounts[0], projectCounts[1], projectCounts[2], replaced,
                copied == null ? 0 : copied.lines(), copied == null ? "0.00" : copied.total().toPlainString(),
                filing.revision, timings);
    }

    private boolean saveBasic(Caller caller, String dept, int year, RowParser.BasicRow in) {
        BasicExpenditure row = BasicExpenditure.find(dept, year).orElse(null);
        LinkedHashMap<String, Object> before = row == null ? null : row.auditValues();
        if (row == null) {
            row = new BasicExpenditure();
            row.departmentId = dept;
            row.fiscalYear = year;
        }
        row.budget = in.budget();
        row.actual = in.actual();
        row.personnelActual = in.personnelActual();
        row.subsidiesActual = in.subsidiesActual();
        row.publicFundsActual = in.publicFundsActual();
        row.publicFundsBudget = in.publicFundsBudget();
        if (before != null && before.equals(row.auditValues())) {
            return false;
        }
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.updatedBy = caller.name();
        row.persistAndFlush();
        audit.record("basic_expenditure", row.auditId(), row.version, caller.name(), changes(before, row.auditValues()));
        DerivedFigures derived = DerivedFigures.of(row.budget, row.actual);
        outbox.publish(BudgetEvents.BASIC_EXPENDITURE_CHANGED, BudgetEvents.BASIC_EXPENDITURE_CHANGED_VERSION, dept,
                year, caller.name(), new BudgetEvents.BasicExpenditureChanged(row.budget.toPlainString(),
                        row.actual.toPlainString(), derived.variance().toPlainString(),
                        derived.executionRatePercent() == null ? null : derived.executionRatePercent().toPlainString(),
                        row.version));
        return true;
    }

    /** @return 0 created, 1 updated, 2 unchanged */
    private int saveProject(Caller caller, String dept, int year, RowParser.ProjectRow in) {
        Project row = Project.<Project>find("departmentId = ?1 and fiscalYear = ?2 and name = ?3", dept, year, in.name())
                .firstResult();
        LinkedHashMap<String, Object> before = row == null ? null : row.auditValues();
        if (row == null) {
            row = new Project();
            row.departmentId = dept;
            row.fiscalYear = year;
            row.name = in.name();
        }
        row.budget = in.budget();
        row.adjustment = in.adjustment();
        row.adjustmentReason = in.adjustmentReason();
        row.actualOwn = in.actualOwn();
        row.actualDirect = in.actualDirect();
        row.keyProject = in.keyProject();
        if (before != null && before.equals(row.auditValues())) {
            return 2;
        }
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.updatedBy = caller.name();
        row.persistAndFlush();
        audit.record("project", row.auditId(), row.version, caller.name(), changes(before, row.auditValues()));
        return before == null ? 0 : 1;
    }

    private static List<AuditTrail.Change> changes(Map<String, Object> before, Map<String, Object> after) {
        List<AuditTrail.Change> out = new ArrayList<>();
        after.forEach((k, v) -> out.add(new AuditTrail.Change(k, before == null ? null : before.get(k), v)));
        return out;
    }

    /**
     * Replaces the lines of a department-year on the transaction's own connection while the sheet is
     * read: at the first checked line the old lines are deleted and a COPY started, each further line
     * streamed into it, so the database writes while the service parses. A failure anywhere (an error
     * in a later row, a project removed meanwhile) rolls the whole import back and the old lines stay.
     * The year's sums per project and channel and per month, counted on the way, replace those the
     * sheet reads.
     *
     * @return the lines replaced (their number and a summary for the audit, null when there were none)
     *         and the lines copied (null when the sheet had none: the old lines stay)
     */
    private Replaced replaceLines(String dept, int year, LineSource source) throws Exception {
        Map<String, Long> projectIds = new HashMap<>();
        for (Project p : Project.of(dept, year)) { // under the filing lock: no project comes or goes meanwhile
            projectIds.put(p.name, p.id);
        }
        long[] millis = new long[2];
        int[] replaced = new int[1];
        String[] replacedSummary = new String[1];
        Exception[] failed = new Exception[1];
        LineCopy[] result = new LineCopy[1];
        // all on the transaction's own connection, inside doWork: the statements must not outlive it
        em.unwrap(Session.class).doWork(c -> {
            long c0 = System.nanoTime();
            LineCopy copy = new LineCopy(dept, year, () -> {
                try (PreparedStatement before = c.prepareStatement("select coalesce(sum(line_count), 0), "
                        + "coalesce(sum(amount), 0) from spending_total where department_id = ? and fiscal_year = ?")) {
                    before.setString(1, dept);
                    before.setInt(2, year);
                    try (ResultSet rs = before.executeQuery()) {
                        rs.next();
                        replacedSummary[0] = rs.getLong(1) == 0 ? null : summary(rs.getLong(1), rs.getBigDecimal(2));
                    }
                }
                long d0 = System.nanoTime();
                try (PreparedStatement delete = c.prepareStatement(
                        "delete from spending_line where department_id = ? and fiscal_year = ?")) {
                    delete.setString(1, dept);
                    delete.setInt(2, year);
                    replaced[0] = delete.executeUpdate();
                }
                millis[0] = (System.nanoTime() - d0) / 1_000_000;
                return c.unwrap(PGConnection.class).getCopyAPI().copyIn(LineCopy.COPY);
            });
            boolean[] unknownProject = new boolean[1];
            try {
                source.read(line -> {
                    if (unknownProject[0]) {
                        return;
                    }
                    Long projectId = null;
                    if (line.project() != null) {
                        projectId = projectIds.get(line.project());
                        if (projectId == null) { // checked against the projects before the lock was taken
                            unknownProject[0] = true;
                            copy.cancel();
                            return;
                        }
                    }
                    try {
                        copy.add(line, projectId);
                    } catch (SQLException e) {
                        throw new CopyFailed(e);
                    }
                });
                if (unknownProject[0]) {
                    throw ProblemException.conflict("import.changed-meanwhile");
                }
                if (copy.finish()) {
                    replaceSums(c, dept, year, "spending_total", "channel", copy.sums(), k -> k.project(),
                            k -> k.channel());
                    replaceSums(c, dept, year, "spending_month_total", "month", copy.months(), k -> k.project(),
                            k -> k.month());
                    result[0] = copy;
                }
                millis[1] = (System.nanoTime() - c0) / 1_000_000 - millis[0];
            } catch (CopyFailed e) {
                copy.cancel();
                throw e.getCause();
            } catch (RuntimeException e) {
                copy.cancel();
                throw e;
            } catch (Exception e) {
                copy.cancel();
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        return new Replaced(replaced[0], replacedSummary[0], result[0], millis[0], millis[1]);
    }

    /** A line the COPY refused: its SQLException, carried out of the row callback. */
    private static final class CopyFailed extends RuntimeException {
        CopyFailed(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /**
     * Replaces a department-year's rows of a sums table (spending_total by channel, spending_month_total by
     * month of payment) with the sums counted while the lines were copied; key: the project id (null:
     * 基本支出) and the table's other key column.
     */
    private static <K> void replaceSums(java.sql.Connection c, String dept, int year, String table, String keyColumn,
            Map<K, LineCopy.Sum> sums, java.util.function.Function<K, Long> project,
            java.util.function.Function<K, Object> key) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "delete from " + table + " where department_id = ? and fiscal_year = ?");
                PreparedStatement insert = c.prepareStatement("insert into " + table + " (department_id, fiscal_year, "
                        + "project_id, " + keyColumn + ", line_count, amount) values (?, ?, ?, ?, ?, ?)")) {
            delete.setString(1, dept);
            delete.setInt(2, year);
            delete.executeUpdate();
            for (var sum : sums.entrySet()) {
                insert.setString(1, dept);
                insert.setInt(2, year);
                insert.setObject(3, project.apply(sum.getKey()), java.sql.Types.BIGINT);
                insert.setObject(4, key.apply(sum.getKey()));
                insert.setInt(5, sum.getValue().lines());
                insert.setBigDecimal(6, sum.getValue().amount());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private record Replaced(int count, String summary, LineCopy lines, long deleteMillis, long copyMillis) {
    }

    private static String summary(long lines, BigDecimal total) {
        return lines + " 条，合计 " + total.setScale(2).toPlainString() + " 元";
    }
}
