package io.jixiao.report.domain;

import java.io.Serializable;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A department included in a round; its extension, and its status as frozen when the round closed. */
@Entity
@Table(name = "season_round_department")
public class SeasonRoundDepartment extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "round_id") Long roundId, @Column(name = "department_id") String departmentId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "department_name", nullable = false)
    public String departmentName;

    @Column(name = "extended_until")
    public LocalDate extendedUntil;

    @Column(name = "final_status")
    public String finalStatus;
}
