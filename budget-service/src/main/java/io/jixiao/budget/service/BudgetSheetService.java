package io.jixiao.budget.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.jixiao.budget.domain.BasicExpenditure;
import io.jixiao.budget.domain.FilingLock;
import io.jixiao.budget.domain.OtherFigures;
import io.jixiao.budget.domain.Project;
import io.jixiao.budget.domain.Staffing;
import io.jixiao.budget.domain.VarianceReason;
import io.jixiao.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Loads a department-year and computes every derived figure: the one code path for them. */
@ApplicationScoped
public class BudgetSheetService {

    @Transactional
    public BudgetSheet load(String departmentId, int fiscalYear) {
        FilingLock filing = FilingLock.findById(new FilingLock.Key(departmentId, fiscalYear));
        Staffing staffing = Staffing.find(departmentId, fiscalYear).orElse(null);
        Staffing lastYear = Staffing.find(departmentId, fiscalYear - 1).orElse(null);
        BasicExpenditure basic = BasicExpenditure.find(departmentId, fiscalYear).orElse(null);
        List<Project> projects = Project.of(departmentId, fiscalYear);
        OtherFigures other = OtherFigures.find(departmentId, fiscalYear).orElse(null);
        List<VarianceReason> reasons = VarianceReason.of(departmentId, fiscalYear);

        BudgetSheet.Basic basicView = basic == null ? null : basic(basic);
        List<BudgetSheet.Project> projectViews = projects.stream().map(BudgetSheetService::project).toList();
        BudgetSheet.ProjectTotals totals = projects.isEmpty() ? null : totals(projects);
        io.jixiao.budget.domain.Department d = io.jixiao.budget.domain.Department.findById(departmentId);
        BudgetSheet.Profile profile = d == null ? null
                : new BudgetSheet.Profile(d.code, d.name, d.jurisdiction, List.copyOf(d.duties), List.copyOf(d.divisions));
        return new BudgetSheet(departmentId, fiscalYear, filing == null ? 0 : filing.revision,
                filing != null && filing.locked, profile, staffing == null ? null : staffing(staffing, lastYear), basicView,
                projectViews, totals, other == null ? null : threePublic(other),
                other == null ? null : new BudgetSheet.Pair(text(other.procurementBudget), text(other.procurementActual)),
                other == null ? null : new BudgetSheet.Pair(text(other.carryOver), text(other.carryOverLastYear)),
                other == null ? null : assets(other),
                other == null || other.monthlyPayments == null ? null
                        : other.monthlyPayments.stream().map(BudgetSheetService::text).toList(),
                reasons.stream().map(r -> new BudgetSheet.Reason(r.id, r.line.name(), r.projectId, text(r.amount),
                        r.reason)).toList(),
                reasonChecks(basic, projects, reasons), spending(departmentId, fiscalYear, basic, projects));
    }

    /** Sums of the 支出明细 per project and channel (kept in spending_total), compared with the stated actuals. */
    static BudgetSheet.Spending spending(String departmentId, int fiscalYear, BasicExpenditure basic,
            List<Project> projects) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Project.getEntityManager().createNativeQuery(
                "select coalesce(project_id, 0), channel, line_count, amount from spending_total"
                        + " where department_id = ?1 and fiscal_year = ?2")
                .setParameter(1, departmentId).setParameter(2, fiscalYear).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        java.util.Map<Long, BigDecimal[]> byProject = new java.util.HashMap<>(); // own, direct, count
        int lines = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Object[] r : rows) {
            long project = ((Number) r[0]).longValue();
            int count = ((Number) r[2]).intValue();
            BigDecimal sum = (BigDecimal) r[3];
            BigDecimal[] acc = byProject.computeIfAbsent(project, k -> zeros());
            int channel = "OWN".equals(r[1]) ? 0 : 1;
            acc[channel] = acc[channel].add(sum);
            acc[2] = acc[2].add(BigDecimal.valueOf(count));
            lines += count;
            total = total.add(sum);
        }
        List<BudgetSheet.SpendingCheck> checks = new ArrayList<>();
        BigDecimal[] basicLines = byProject.getOrDefault(0L, zeros());
        if (byProject.containsKey(0L) || basic != null) {
            BigDecimal linesTotal = basicLines[0].add(basicLines[1]);
            BigDecimal stated = basic == null ? null : basic.actual;
            checks.add(new BudgetSheet.SpendingCheck("BASIC", null, basicLines[2].intValue(), text(basicLines[0]),
                    text(basicLines[1]), text(linesTotal), text(stated),
                    stated == null ? null : text(linesTotal.subtract(stated)),
                    stated != null && linesTotal.compareTo(stated) == 0));
        }
        for (Project p : projects) {
            BigDecimal[] acc = byProject.getOrDefault(p.id, zeros());
            BigDecimal linesTotal = acc[0].add(acc[1]);
            checks.add(new BudgetSheet.SpendingCheck("PROJECT", p.id, acc[2].intValue(), text(acc[0]), text(acc[1]),
                    text(linesTotal), text(p.actual()), text(linesTotal.subtract(p.actual())),
                    acc[0].compareTo(p.actualOwn) == 0 && acc[1].compareTo(p.actualDirect) == 0));
        }
        return new BudgetSheet.Spending(lines, text(total), checks, byMonth(departmentId, fiscalYear));
    }

    /** The lines' sums per month (kept per project and month in spending_month_total by the import), January first. */
    static List<String> byMonth(String departmentId, int fiscalYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Project.getEntityManager().createNativeQuery(
                "select month, amount from spending_month_total where department_id = ?1 and fiscal_year = ?2")
                .setParameter(1, departmentId).setParameter(2, fiscalYear).getResultList();
        BigDecimal[] months = new BigDecimal[12];
        java.util.Arrays.fill(months, BigDecimal.ZERO.setScale(2));
        for (Object[] r : rows) {
            int m = ((Number) r[0]).intValue() - 1;
            months[m] = months[m].add((BigDecimal) r[1]); // one row per project (and 基本支出) of the month
        }
        return Stream.of(months).map(BudgetSheetService::text).toList();
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    static BudgetSheet.Staffing staffing(Staffing s, Staffing lastYear) {
        Integer over = s.staffInPost != null && s.authorizedPosts != null && s.staffInPost > s.authorizedPosts
                ? s.staffInPost - s.authorizedPosts : null;
        return new BudgetSheet.Staffing(s.authorizedPosts, s.staffInPost, s.retiredSoldiers, s.temporaryStaff,
                s.secondedStaff, s.retirees, lastYear == null ? null : lastYear.staffInPost,
                lastYear == null ? null : lastYear.temporaryStaff, over, s.version);
    }

    static BudgetSheet.Basic basic(BasicExpenditure b) {
        BigDecimal partsSum = sumOrNull(b.personnelActual, b.subsidiesActual, b.publicFundsActual);
        return new BudgetSheet.Basic(text(b.budget), text(b.actual), text(b.actual.subtract(b.budget)),
                rate(b.actual, b.budget), text(b.personnelActual), text(b.subsidiesActual), text(b.publicFundsActual),
                text(b.publicFundsBudget), text(partsSum),
                partsSum == null ? null : text(b.actual.subtract(partsSum)), b.version);
    }

    static BudgetSheet.Project project(Project p) {
        BigDecimal adjusted = p.budget.add(p.adjustment);
        return new BudgetSheet.Project(p.id, p.name, text(p.budget), text(p.adjustment), p.adjustmentReason,
                text(adjusted), text(p.actualOwn), text(p.actualDirect), text(p.actual()),
                text(p.actual().subtract(p.budget)), rate(p.actual(), p.budget), p.keyProject, p.version);
    }

    static BudgetSheet.ProjectTotals totals(List<Project> projects) {
        BigDecimal budget = sum(projects.stream().map(p -> p.budget));
        BigDecimal adjustment = sum(projects.stream().map(p -> p.adjustment));
        BigDecimal own = sum(projects.stream().map(p -> p.actualOwn));
        BigDecimal direct = sum(projects.stream().map(p -> p.actualDirect));
        BigDecimal actual = own.add(direct);
        BigDecimal keyActual = sum(projects.stream().filter(p -> p.keyProject).map(Project::actual));
        return new BudgetSheet.ProjectTotals(projects.size(), text(budget), text(adjustment),
                text(budget.add(adjustment)), text(own), text(direct), text(actual), text(actual.subtract(budget)),
                rate(actual, budget), text(keyActual), rate(keyActual, actual));
    }

    static BudgetSheet.ThreePublic threePublic(OtherFigures o) {
        return new BudgetSheet.ThreePublic(text(o.overseasBudget), text(o.overseasActual), text(o.carsBudget),
                text(o.carsActual), text(o.receptionBudget), text(o.receptionActual),
                text(sumOrNull(o.overseasBudget, o.carsBudget, o.receptionBudget)),
                text(sumOrNull(o.overseasActual, o.carsActual, o.receptionActual)),
                text(o.threePublicBudgetLastYear), o.version);
    }

    static BudgetSheet.Assets assets(OtherFigures o) {
        return new BudgetSheet.Assets(text(o.fixedAssetsTotal), text(o.fixedAssetsInUse),
                rate(o.fixedAssetsInUse, o.fixedAssetsTotal));
    }

    /** Do the reasons given for each line add up to its variance (tolerance: none, amounts are exact)? */
    static List<BudgetSheet.ReasonCheck> reasonChecks(BasicExpenditure basic, List<Project> projects,
            List<VarianceReason> reasons) {
        List<BudgetSheet.ReasonCheck> checks = new ArrayList<>();
        if (basic != null) {
            checks.add(check("BASIC", null, basic.actual.subtract(basic.budget),
                    reasons.stream().filter(r -> r.line == VarianceReason.Line.BASIC)));
        }
        if (!projects.isEmpty()) {
            BigDecimal variance = sum(projects.stream().map(p -> p.actual().subtract(p.budget)));
            checks.add(check("PROJECTS", null, variance, reasons.stream()
                    .filter(r -> r.line == VarianceReason.Line.PROJECTS || r.line == VarianceReason.Line.PROJECT)));
            for (Project p : projects) {
                List<VarianceReason> own = reasons.stream()
                        .filter(r -> r.line == VarianceReason.Line.PROJECT && Objects.equals(r.projectId, p.id)).toList();
                if (!own.isEmpty()) {
                    checks.add(check("PROJECT", p.id, p.actual().subtract(p.budget), own.stream()));
                }
            }
        }
        return checks;
    }

    private static BudgetSheet.ReasonCheck check(String line, Long projectId, BigDecimal variance,
            Stream<VarianceReason> reasons) {
        BigDecimal explained = sum(reasons.map(r -> r.amount));
        BigDecimal unexplained = variance.subtract(explained);
        return new BudgetSheet.ReasonCheck(line, projectId, text(variance), text(explained), text(unexplained),
                unexplained.signum() == 0);
    }

    static String text(BigDecimal amount) {
        return amount == null ? null : Money.yuan(amount).toPlainString();
    }

    static String rate(BigDecimal numerator, BigDecimal denominator) {
        BigDecimal ratio = Money.ratio(numerator, denominator);
        return ratio == null ? null : Money.percent(ratio).toPlainString();
    }

    static BigDecimal sum(Stream<BigDecimal> amounts) {
        return amounts.filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    /** Sum of parts, or null when any part is missing: a partial sum would look like a real total. */
    static BigDecimal sumOrNull(BigDecimal... parts) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal p : parts) {
            if (p == null) {
                return null;
            }
            total = total.add(p);
        }
        return total.setScale(2);
    }
}
