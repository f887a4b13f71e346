package io.jixiao.budget.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
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
import java.util.function.IntConsumer;

import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.jixiao.budget.domain.BasicExpenditure;
import io.jixiao.budget.domain.Filing;
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

    /** The lines of the file, streamed a second time for the insert (the first pass only validated them). */
    public interface LineSource {
        void forEach(java.util.function.Consumer<RowParser.LineRow> each) throws Exception;
    }

    public record Result(boolean basicChanged, int projectsCreated, int projectsUpdated, int projectsUnchanged,
            int linesReplaced, int linesSaved, String linesTotal, long revision) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Result save(Caller caller, ImportJob job, RowParser.BasicRow basic, List<RowParser.ProjectRow> projects,
            int lineCount, LineSource lines, int batchSize, IntConsumer progress) throws Exception {
        String dept = job.departmentId;
        int year = job.fiscalYear;
        Filing filing = guard.beginWrite(caller, dept, year);
        if (job.basedOnRevision != null && job.basedOnRevision != filing.revision) {
            throw ProblemException.conflict("version.conflict");
        }
        boolean basicChanged = basic != null && saveBasic(caller, dept, year, basic);
        int[] projectCounts = new int[3];
        for (RowParser.ProjectRow p : projects) {
            projectCounts[saveProject(caller, dept, year, p)]++;
        }
        int replaced = 0;
        int saved = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        if (lineCount > 0) {
            Map<String, Long> projectIds = new HashMap<>();
            for (Project p : Project.of(dept, year)) {
                projectIds.put(p.name, p.id);
            }
            em.flush();
            LineInsert insert = new LineInsert(dept, year, projectIds, batchSize, progress);
            // all on the transaction's own connection, inside doWork: the statement must not outlive it
            em.unwrap(Session.class).doWork(c -> {
                try {
                    insert.open(c);
                    lines.forEach(insert::add);
                    insert.finish();
                } catch (SQLException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    insert.close();
                }
            });
            replaced = insert.replaced;
            saved = insert.saved;
            total = insert.total;
            audit.record(AUDIT_LINES, dept + ":" + year, null, caller.name(), List.of(
                    new AuditTrail.Change("lines", insert.oldSummary, saved + " 条，合计 " + total.toPlainString() + " 元"),
                    new AuditTrail.Change("importedFrom", null, job.fileName + " (" + job.id + ")")));
        }
        boolean changed = basicChanged || projectCounts[0] > 0 || projectCounts[1] > 0 || lineCount > 0;
        if (changed) {
            guard.republish(caller, filing, "import");
        }
        return new Result(basicChanged, projectCounts[0], projectCounts[1], projectCounts[2], replaced, saved,
                total.toPlainString(), filing.revision);
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
     * Replaces the lines of a department-year on the transaction's own connection: the old lines are
     * deleted and the new ones streamed in with PostgreSQL COPY (CSV), at the database's own pace and
     * inside the import's transaction, so a failure anywhere leaves the old lines. Project names were
     * resolved in the validation pass; no staging table is needed since nothing is merged.
     */
    private static final class LineInsert {
        static final int CHUNK_BYTES = 256 * 1024;

        final String dept;
        final int year;
        final Map<String, Long> projectIds;
        final int batchSize;
        final IntConsumer progress;
        final StringBuilder chunk = new StringBuilder(CHUNK_BYTES + 4096);
        CopyIn copy;
        int pending;
        int saved;
        int replaced;
        String oldSummary;
        BigDecimal total = BigDecimal.ZERO.setScale(2);

        LineInsert(String dept, int year, Map<String, Long> projectIds, int batchSize, IntConsumer progress) {
            this.dept = dept;
            this.year = year;
            this.projectIds = projectIds;
            this.batchSize = batchSize;
            this.progress = progress;
        }

        void open(Connection c) throws SQLException {
            try (PreparedStatement count = c.prepareStatement(
                    "select count(*), coalesce(sum(amount), 0) from spending_line where department_id = ? and fiscal_year = ?")) {
                count.setString(1, dept);
                count.setInt(2, year);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    oldSummary = rs.getInt(1) == 0 ? null
                            : rs.getInt(1) + " 条，合计 " + rs.getBigDecimal(2).setScale(2).toPlainString() + " 元";
                }
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "delete from spending_line where department_id = ? and fiscal_year = ?")) {
                delete.setString(1, dept);
                delete.setInt(2, year);
                replaced = delete.executeUpdate();
            }
            copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy spending_line (department_id, fiscal_year, "
                    + "line_no, paid_on, project_id, economic_class, channel, amount, description) from stdin with (format csv)");
        }

        void add(RowParser.LineRow line) {
            Long projectId = null;
            if (line.project() != null) {
                projectId = projectIds.get(line.project());
                if (projectId == null) {
                    // the project was removed after the file was checked
                    throw ProblemException.conflict("import.changed-meanwhile");
                }
            }
            saved++;
            quoted(dept).append(',').append(year).append(',').append(saved).append(',').append(line.paidOn()).append(',');
            if (projectId != null) {
                chunk.append(projectId.longValue());
            }
            chunk.append(',');
            quoted(line.economicClass()).append(',');
            quoted(line.channel()).append(',').append(line.amount().toPlainString()).append(',');
            if (line.description() != null) { // unquoted empty is NULL, "" an empty text
                quoted(line.description());
            }
            chunk.append('\n');
            total = total.add(line.amount());
            if (++pending >= batchSize || chunk.length() >= CHUNK_BYTES) {
                flushBatch();
            }
        }

        private StringBuilder quoted(String text) {
            chunk.append('"');
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    chunk.append('"');
                }
                chunk.append(ch);
            }
            return chunk.append('"');
        }

        void flushBatch() {
            if (chunk.length() > 0) {
                byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                try {
                    copy.writeToCopy(bytes, 0, bytes.length);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                chunk.setLength(0);
            }
            if (pending > 0) {
                pending = 0;
                progress.accept(saved);
            }
        }

        void finish() throws SQLException {
            flushBatch();
            copy.endCopy();
            copy = null;
        }

        void close() throws SQLException {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy(); // a failure mid-way: the transaction rolls back anyway
            }
        }
    }
}
