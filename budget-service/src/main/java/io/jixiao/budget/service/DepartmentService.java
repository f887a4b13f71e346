package io.jixiao.budget.service;

import java.time.Year;
import java.util.List;

import io.jixiao.budget.domain.Department;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DepartmentService {

    /** Departments the caller may see: their own, or all for the bureau. */
    public List<Department> visibleTo(Caller caller) {
        if (caller.readsAllDepartments()) {
            return Department.list("order by code");
        }
        return caller.departmentId().map(id -> Department.<Department>list("id", id)).orElse(List.of());
    }

    /** The department, after the caller's read rule; 404 only for callers who may see every department. */
    public Department require(String departmentId) {
        Department d = Department.findById(departmentId);
        if (d == null) {
            throw ProblemException.notFound("department.not-found", departmentId);
        }
        return d;
    }

    /** A fiscal year the department reports: from its first year to the current year. */
    public void checkFiscalYear(Department d, int fiscalYear) {
        int last = Year.now().getValue();
        if (fiscalYear < d.firstFiscalYear || fiscalYear > last) {
            throw new ProblemException(400, "fiscal-year.out-of-range",
                    List.of(new io.jixiao.platform.problem.FieldError("fiscalYear", "fiscal-year.out-of-range.short")),
                    String.valueOf(fiscalYear), String.valueOf(d.firstFiscalYear), String.valueOf(last));
        }
    }
}
