package io.jixiao.evaluation.domain;

import java.math.BigDecimal;
import java.util.List;

import io.jixiao.evaluation.scoring.GoalOutcome;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One indicator of a performance goal (绩效目标), with its target and actual value. */
@Entity
@Table(name = "goal_indicator")
public class GoalIndicator extends PanacheEntityBase {

    /** ≥, ≤, = the target. */
    public enum Direction { GE, LE, EQ }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_id", nullable = false)
    public String departmentId;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public String goal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    /** 产出: 数量, 质量, 时效, 成本; 效益; 满意度: the scoring core's type, since goals are scored by category. */
    public GoalOutcome.Category category;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Column(nullable = false, precision = 17, scale = 4)
    public BigDecimal target;

    @Column(precision = 17, scale = 4)
    public BigDecimal actual;

    @Column(name = "key_task", nullable = false)
    public boolean keyTask;

    @Column(nullable = false)
    public int position;

    /** What scoring reads of this indicator. */
    public GoalOutcome outcome() {
        return new GoalOutcome(category, keyTask, met());
    }

    /** Met when the actual satisfies the direction against the target; null while no actual is given. */
    public Boolean met() {
        if (actual == null) {
            return null;
        }
        int c = actual.compareTo(target);
        return switch (direction) {
            case GE -> c >= 0;
            case LE -> c <= 0;
            case EQ -> c == 0;
        };
    }

    public static List<GoalIndicator> of(String departmentId, int fiscalYear) {
        return list("departmentId = ?1 and fiscalYear = ?2 order by position", departmentId, fiscalYear);
    }
}
