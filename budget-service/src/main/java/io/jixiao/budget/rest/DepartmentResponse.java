package io.jixiao.budget.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.budget.domain.Department;

@Schema(name = "Department", description = "预算单位")
public record DepartmentResponse(
        @Schema(example = "d0000000-0000-4000-8000-000000000001") String id,
        @Schema(description = "单位编码", example = "401001") String code,
        @Schema(example = "中共长沙市望城区委政法委员会") String name,
        @Schema(description = "所属区县", example = "望城区") String jurisdiction,
        @Schema(example = "2018") int firstFiscalYear,
        @Schema(description = "职能职责, in order") java.util.List<String> duties,
        @Schema(description = "内设科室") java.util.List<String> divisions,
        long version) {

    public static DepartmentResponse of(Department d) {
        return new DepartmentResponse(d.id, d.code, d.name, d.jurisdiction, d.firstFiscalYear, d.duties, d.divisions,
                d.version);
    }
}
