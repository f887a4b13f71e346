package io.jixiao.budget.messaging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.jixiao.budget.service.BudgetSheet;

/**
 * The wire form of BudgetFiguresChanged v1 (schemas/BudgetFiguresChanged.v1.json): the revision, the
 * section that changed and the whole department-year. Its own records, so a change of the service's
 * internal {@link BudgetSheet} cannot change what consumers receive; a new field on the wire is a
 * deliberate change here and in the schema (or a v2). Every list and text is bounded by the inputs
 * (domain.Limits), which keeps one event under the outbox's max-event-bytes.
 */
public record BudgetFiguresChangedV1(long revision, String section, Sheet sheet) {

    public static BudgetFiguresChangedV1 of(long revision, String section, BudgetSheet s) {
        return new BudgetFiguresChangedV1(revision, section, Sheet.of(s));
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Sheet(String departmentId, int fiscalYear, long revision, boolean locked, Profile department,
            Staffing staffing, Basic basic, List<Project> projects, ProjectTotals projectTotals,
            ThreePublic threePublic, Pair procurement, Pair carryOver, Assets assets, List<String> monthlyPayments,
            List<Reason> varianceReasons, List<ReasonCheck> reasonChecks, Spending spending) {

        static Sheet of(BudgetSheet s) {
            return new Sheet(s.departmentId(), s.fiscalYear(), s.revision(), s.locked(), Profile.of(s.department()),
                    Staffing.of(s.staffing()), Basic.of(s.basic()), map(s.projects(), Project::of),
                    ProjectTotals.of(s.projectTotals()), ThreePublic.of(s.threePublic()), Pair.of(s.procurement()),
                    Pair.of(s.carryOver()), Assets.of(s.assets()), s.monthlyPayments(),
                    map(s.varianceReasons(), Reason::of), map(s.reasonChecks(), ReasonCheck::of),
                    Spending.of(s.spending()));
        }
    }

    public record Profile(String code, String name, String jurisdiction, List<String> duties, List<String> divisions) {
        static Profile of(BudgetSheet.Profile p) {
            return p == null ? null : new Profile(p.code(), p.name(), p.jurisdiction(), p.duties(), p.divisions());
        }
    }

    public record Staffing(Integer authorizedPosts, Integer staffInPost, Integer retiredSoldiers,
            Integer temporaryStaff, Integer secondedStaff, Integer retirees, Integer staffInPostLastYear,
            Integer temporaryStaffLastYear, Integer overAuthorized, long version) {
        static Staffing of(BudgetSheet.Staffing s) {
            return s == null ? null
                    : new Staffing(s.authorizedPosts(), s.staffInPost(), s.retiredSoldiers(), s.temporaryStaff(),
                            s.secondedStaff(), s.retirees(), s.staffInPostLastYear(), s.temporaryStaffLastYear(),
                            s.overAuthorized(), s.version());
        }
    }

    public record Basic(String budget, String actual, String variance, String executionRate, String personnelActual,
            String subsidiesActual, String publicFundsActual, String publicFundsBudget, String partsSum,
            String partsDifference, long version) {
        static Basic of(BudgetSheet.Basic b) {
            return b == null ? null
                    : new Basic(b.budget(), b.actual(), b.variance(), b.executionRate(), b.personnelActual(),
                            b.subsidiesActual(), b.publicFundsActual(), b.publicFundsBudget(), b.partsSum(),
                            b.partsDifference(), b.version());
        }
    }

    public record Project(long id, String name, String budget, String adjustment, String adjustmentReason,
            String adjustedBudget, String actualOwn, String actualDirect, String actual, String variance,
            String executionRate, boolean keyProject, long version) {
        static Project of(BudgetSheet.Project p) {
            return new Project(p.id(), p.name(), p.budget(), p.adjustment(), p.adjustmentReason(), p.adjustedBudget(),
                    p.actualOwn(), p.actualDirect(), p.actual(), p.variance(), p.executionRate(), p.keyProject(),
                    p.version());
        }
    }

    public record ProjectTotals(int count, String budget, String adjustment, String adjustedBudget, String actualOwn,
            String actualDirect, String actual, String variance, String executionRate, String keyProjectsActual,
            String keyProjectsShare) {
        static ProjectTotals of(BudgetSheet.ProjectTotals t) {
            return t == null ? null
                    : new ProjectTotals(t.count(), t.budget(), t.adjustment(), t.adjustedBudget(), t.actualOwn(),
                            t.actualDirect(), t.actual(), t.variance(), t.executionRate(), t.keyProjectsActual(),
                            t.keyProjectsShare());
        }
    }

    public record ThreePublic(String overseasBudget, String overseasActual, String carsBudget, String carsActual,
            String receptionBudget, String receptionActual, String totalBudget, String totalActual,
            String budgetLastYear, long version) {
        static ThreePublic of(BudgetSheet.ThreePublic t) {
            return t == null ? null
                    : new ThreePublic(t.overseasBudget(), t.overseasActual(), t.carsBudget(), t.carsActual(),
                            t.receptionBudget(), t.receptionActual(), t.totalBudget(), t.totalActual(),
                            t.budgetLastYear(), t.version());
        }
    }

    public record Pair(String budgetOrCurrent, String actualOrPrevious) {
        static Pair of(BudgetSheet.Pair p) {
            return p == null ? null : new Pair(p.budgetOrCurrent(), p.actualOrPrevious());
        }
    }

    public record Assets(String total, String inUse, String utilisationRate) {
        static Assets of(BudgetSheet.Assets a) {
            return a == null ? null : new Assets(a.total(), a.inUse(), a.utilisationRate());
        }
    }

    public record Reason(long id, String line, Long projectId, String amount, String reason) {
        static Reason of(BudgetSheet.Reason r) {
            return new Reason(r.id(), r.line(), r.projectId(), r.amount(), r.reason());
        }
    }

    public record ReasonCheck(String line, Long projectId, String variance, String explained, String unexplained,
            boolean matches) {
        static ReasonCheck of(BudgetSheet.ReasonCheck c) {
            return new ReasonCheck(c.line(), c.projectId(), c.variance(), c.explained(), c.unexplained(), c.matches());
        }
    }

    public record Spending(int lines, String total, List<SpendingCheck> checks, List<String> byMonth) {
        static Spending of(BudgetSheet.Spending s) {
            return s == null ? null : new Spending(s.lines(), s.total(), map(s.checks(), SpendingCheck::of), s.byMonth());
        }
    }

    public record SpendingCheck(String line, Long projectId, int lines, String linesOwn, String linesDirect,
            String linesTotal, String stated, String difference, boolean matches) {
        static SpendingCheck of(BudgetSheet.SpendingCheck c) {
            return new SpendingCheck(c.line(), c.projectId(), c.lines(), c.linesOwn(), c.linesDirect(), c.linesTotal(),
                    c.stated(), c.difference(), c.matches());
        }
    }

    private static <A, B> List<B> map(List<A> list, java.util.function.Function<A, B> f) {
        return list == null ? null : list.stream().map(f).toList();
    }
}
