package io.jixiao.report.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A batch generation of every department's report of a year; its documents are in report_job_document. */
@Entity
@Table(name = "report_job")
public class ReportJob extends PanacheEntityBase {

    public enum Status { RUNNING, DONE, FAILED }

    @Id
    public UUID id;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public int done;

    @Column(nullable = false)
    public int failed;

    /** JSON array of {departmentId, departmentName, message}. */
    @Column(nullable = false, columnDefinition = "text")
    public String failures;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
