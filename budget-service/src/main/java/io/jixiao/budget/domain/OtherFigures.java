package io.jixiao.budget.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** "三公经费", 政府采购, 结转结余, 固定资产 and monthly payments of a department-year; null = not provided. */
@Entity
@Table(name = "other_figures")
public class OtherFigures extends DepartmentYearSection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** 因公出国（境）费 */
    @Column(name = "overseas_budget", precision = 17, scale = 2)
    public BigDecimal overseasBudget;
    @Column(name = "overseas_actual", precision = 17, scale = 2)
    public BigDecimal overseasActual;
    /** 公务用车购置及运行费 */
    @Column(name = "cars_budget", precision = 17, scale = 2)
    public BigDecimal carsBudget;
    @Column(name = "cars_actual", precision = 17, scale = 2)
    public BigDecimal carsActual;
    /** 公务接待费 */
    @Column(name = "reception_budget", precision = 17, scale = 2)
    public BigDecimal receptionBudget;
    @Column(name = "reception_actual", precision = 17, scale = 2)
    public BigDecimal receptionActual;
    /** 上年三公预算 */
    @Column(name = "three_public_budget_last_year", precision = 17, scale = 2)
    public BigDecimal threePublicBudgetLastYear;
    /** 政府采购 */
    @Column(name = "procurement_budget", precision = 17, scale = 2)
    public BigDecimal procurementBudget;
    @Column(name = "procurement_actual", precision = 17, scale = 2)
    public BigDecimal procurementActual;
    /** 结转结余 */
    @Column(name = "carry_over", precision = 17, scale = 2)
    public BigDecimal carryOver;
    @Column(name = "carry_over_last_year", precision = 17, scale = 2)
    public BigDecimal carryOverLastYear;
    /** 固定资产 */
    @Column(name = "fixed_assets_total", precision = 17, scale = 2)
    public BigDecimal fixedAssetsTotal;
    @Column(name = "fixed_assets_in_use", precision = 17, scale = 2)
    public BigDecimal fixedAssetsInUse;
    /** Amount paid in each month 1..12 (元); for 支付进度率. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "monthly_payments", columnDefinition = "jsonb")
    public List<BigDecimal> monthlyPayments;

    public static Optional<OtherFigures> find(String departmentId, int fiscalYear) {
        return find("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear).firstResultOptional();
    }

    @Override
    public LinkedHashMap<String, Object> auditValues() {
        LinkedHashMap<String, Object> v = new LinkedHashMap<>();
        v.put("overseasBudget", overseasBudget);
        v.put("overseasActual", overseasActual);
        v.put("carsBudget", carsBudget);
        v.put("carsActual", carsActual);
        v.put("receptionBudget", receptionBudget);
        v.put("receptionActual", receptionActual);
        v.put("threePublicBudgetLastYear", threePublicBudgetLastYear);
        v.put("procurementBudget", procurementBudget);
        v.put("procurementActual", procurementActual);
        v.put("carryOver", carryOver);
        v.put("carryOverLastYear", carryOverLastYear);
        v.put("fixedAssetsTotal", fixedAssetsTotal);
        v.put("fixedAssetsInUse", fixedAssetsInUse);
        v.put("monthlyPayments", monthlyPayments == null ? null
                : monthlyPayments.stream().map(a -> a == null ? "-" : a.toPlainString()).toList().toString());
        return v;
    }

    @Override
    public String auditId() {
        return departmentId + ":" + fiscalYear;
    }
}
