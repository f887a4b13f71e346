package io.jixiao.report.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A department-year's filing to the finance bureau; no row = still a draft. */
@Entity
@Table(name = "filing")
public class Filing extends PanacheEntityBase {

    public enum Status { SUBMITTED, RETURNED, APPROVED }

    @EmbeddedId
    public BudgetView.Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
