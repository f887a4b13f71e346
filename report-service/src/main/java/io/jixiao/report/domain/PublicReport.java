package io.jixiao.report.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * 信息公开: the public version of one department-year's approved filing. The PDF (column pdf) is not
 * mapped: it is read only by the public download, never with the list.
 */
@Entity
@Table(name = "public_report")
public class PublicReport extends PanacheEntityBase {

    public static final String PUBLISHED = "PUBLISHED";
    public static final String UNPUBLISHED = "UNPUBLISHED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_id", nullable = false, updatable = false)
    public String departmentId;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    public int fiscalYear;

    /** The approved filing version the snapshot was taken of. */
    @Column(name = "filing_version", nullable = false)
    public int filingVersion;

    @Column(name = "department_name", nullable = false)
    public String departmentName;

    @Column(nullable = false)
    public String status;

    public BigDecimal total;

    public String grade;

    /** The redacted report (JSON of {@link io.jixiao.report.assembly.Report}). */
    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    @Column(name = "unpublished_by")
    public String unpublishedBy;

    @Column(name = "unpublished_at")
    public OffsetDateTime unpublishedAt;

    @Version
    public long version;
}
