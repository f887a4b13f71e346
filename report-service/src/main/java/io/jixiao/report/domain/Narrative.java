package io.jixiao.report.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The department's own words in the report: goals and achievements (三), problems and causes (四),
 * improvement measures (五, each answering one problem of 四), other notes (六). Goals, achievements and
 * notes are plain text (paragraphs separated by blank lines); problems and measures are lists the report
 * numbers, so a measure can name the problem it answers.
 */
@Entity
@Table(name = "narrative")
public class Narrative extends PanacheEntityBase {

    /** One item of 四: what went wrong and, optionally, why. */
    public record Problem(String text, @Schema(nullable = true, description = "null: no cause given") String cause) {
    }

    /**
     * One item of 五. {@code problemRef} is the 1-based number of the problem it answers; null only on rows
     * converted from the old plain text where no problem could be matched (a save requires it).
     */
    public record Measure(String text,
            @Schema(nullable = true, description = "1-based number of the problem it answers; null only on converted old text, a save requires it")
            Integer problemRef) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_id", nullable = false)
    public String departmentId;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(nullable = false, columnDefinition = "text")
    public String goals = "";

    @Column(nullable = false, columnDefinition = "text")
    public String achievements = "";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "problem_items", nullable = false, columnDefinition = "jsonb")
    public List<Problem> problems = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "measure_items", nullable = false, columnDefinition = "jsonb")
    public List<Measure> measures = new ArrayList<>();

    @Column(name = "other_notes", nullable = false, columnDefinition = "text")
    public String otherNotes = "";

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public static Optional<Narrative> find(String departmentId, int fiscalYear) {
        return find("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear).firstResultOptional();
    }
}
