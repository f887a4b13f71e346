package io.jixiao.report.domain;

import java.time.OffsetDateTime;

import io.jixiao.platform.api.StoredDocument;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A department-year's row of the district summary (全区汇总), stored when its inputs change; body is its JSON. */
@Entity
@Table(name = "summary_row")
public class SummaryRow extends StoredDocument {

    @EmbeddedId
    public BasicExpenditureView.Key key;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    /** DRAFT (no filing yet) or the filing's status. */
    @Column(nullable = false)
    public String status;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
