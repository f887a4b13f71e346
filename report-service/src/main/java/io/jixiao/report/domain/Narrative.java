package io.jixiao.report.domain;

import java.time.OffsetDateTime;
import java.util.Optional;

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
 * measures (五, each answering a problem), other notes (六). Plain text: paragraphs separated by blank
 * lines; the report numbers the items.
 */
@Entity
@Table(name = "narrative")
public class Narrative extends PanacheEntityBase {

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

    @Column(nullable = false, columnDefinition = "text")
    public String problems = "";

    @Column(nullable = false, columnDefinition = "text")
    public String measures = "";

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
