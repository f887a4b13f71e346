package io.jixiao.evaluation.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The template version a submitted filing was scored with (from report.events). pinned: submitted or
 * approved; false after a return. filingVersion: the filing step last applied, so a late older step
 * never undoes a newer one.
 */
@Entity
@Table(name = "filing_pin")
public class FilingPin extends PanacheEntityBase {

    @EmbeddedId
    public BudgetSheetCopy.Key key;

    @Column(nullable = false)
    public boolean pinned;

    @Column(name = "template_id")
    public Long templateId;

    @Column(name = "template_version")
    public Integer templateVersion;

    @Column(name = "filing_version", nullable = false)
    public int filingVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static boolean isPinned(String departmentId, int fiscalYear) {
        FilingPin pin = findById(new BudgetSheetCopy.Key(departmentId, fiscalYear));
        return pin != null && pin.pinned;
    }
}
