package io.jixiao.evaluation.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Our copy of a department-year's figures, the sheet of the latest BudgetFiguresChanged. */
@Entity
@Table(name = "budget_sheet")
public class BudgetSheetCopy extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "department_id") String departmentId,
            @Column(name = "fiscal_year") int fiscalYear) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** budget-service's revision of the department-year; an older revision never overwrites a newer one. */
    @Column(nullable = false)
    public long revision;

    /** Version of the 基本支出 row in the sheet (null when not entered). */
    @Column(name = "basic_version")
    public Long basicVersion;

    @Column(nullable = false, columnDefinition = "text")
    public String sheet;

    /** 区县 of the department as of the sheet; selects the template assigned to it for the year. */
    public String jurisdiction;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
