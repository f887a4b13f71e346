package io.jixiao.budget.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.jixiao.budget.imports.ImportErrors;

/** One background import of a file into a department-year; its row outlives the process running it. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, INTERRUPTED;

        public boolean active() {
            return this == QUEUED || this == RUNNING;
        }
    }

    public enum Phase { VALIDATING, SAVING }

    @Id
    public UUID id;

    @Column(name = "department_id", nullable = false)
    public String departmentId;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** XLSX or CSV */
    @Column(name = "file_type", nullable = false)
    public String fileType;

    @Column(name = "file_bytes", nullable = false)
    public long fileBytes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Enumerated(EnumType.STRING)
    public Phase phase;

    @Column(name = "total_rows")
    public Integer totalRows;

    @Column(name = "processed_rows", nullable = false)
    public int processedRows;

    @Column(name = "error_count", nullable = false)
    public int errorCount;

    /** The first errors: sheet, row, column, header, code and args; texts are chosen at read time. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<ImportErrors.Error> errors = new ArrayList<>();

    /** A refusal of the whole file or of the save (e.g. filing.locked), as a problem code. */
    @Column(name = "failure_code")
    public String failureCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "failure_args", columnDefinition = "jsonb")
    public List<String> failureArgs;

    /** What was saved: counts per section. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> summary;

    @Column(name = "based_on_revision")
    public Long basedOnRevision;

    @Column(name = "instance_id", nullable = false)
    public String instanceId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
