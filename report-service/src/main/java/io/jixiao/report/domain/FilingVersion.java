package io.jixiao.report.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An immutable submitted version: what the bureau received, with a SHA-256 over its content. */
@Entity
@Table(name = "filing_version")
public class FilingVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_id", nullable = false, updatable = false)
    public String departmentId;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    public int fiscalYear;

    @Column(nullable = false, updatable = false)
    public int number;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    public String submittedBy;

    @Column(name = "sheet_revision", nullable = false, updatable = false)
    public long sheetRevision;

    @Column(name = "score_revision", updatable = false)
    public Long scoreRevision;

    /** evaluation-service's data revision frozen (what it confirmed it holds while locked). */
    @Column(name = "evaluation_revision", updatable = false)
    public Long evaluationRevision;

    @Column(name = "content_hash", nullable = false, updatable = false)
    public String contentHash;

    @Column(name = "report_text", nullable = false, updatable = false, columnDefinition = "text")
    public String reportText;

    @Column(name = "report_html", nullable = false, updatable = false, columnDefinition = "text")
    public String reportHtml;

    /** The inputs as submitted: sheet, score card, narrative (JSON). */
    @Column(nullable = false, updatable = false, columnDefinition = "text")
    public String inputs;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    public String findings;
}
