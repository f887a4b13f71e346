package io.jixiao.budget.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.jixiao.budget.service.OnboardingService;

/**
 * A new 预算单位 and its first user account (admin only). Checked field by field in
 * OnboardingService (messages in the service's own bundle), so a clerk sees every problem at once.
 */
@Schema(name = "OnboardingInput", description = "A new department (预算单位) with its first user")
public record OnboardingInput(
        @Schema(description = "单位编码, unique: 1–32 of 0-9 A-Z a-z -", example = "408001") String code,
        @Schema(description = "单位名称", example = "长沙市望城区审计局") String name,
        @Schema(description = "所属区县", example = "望城区") String jurisdiction,
        @Schema(description = "first fiscal year the department reports (2000–2100)", example = "2020") Integer firstFiscalYear,
        @Schema(description = "职能职责 (optional; the department edits them later)") List<String> duties,
        @Schema(description = "内设科室 (optional)") List<String> divisions,
        FirstUser user) {

    @Schema(name = "OnboardingUser", description = "The department's first user (realm role department, attribute department_id)")
    public record FirstUser(
            @Schema(description = "login name: 3–64 of a-z 0-9 . _ -", example = "sjj") String username,
            @Schema(example = "sjj@wangcheng.example") String email,
            @Schema(description = "名", example = "审计") String firstName,
            @Schema(description = "姓", example = "孙") String lastName,
            @Schema(description = "initial password, 12–128 characters; omitted: one is generated and returned once")
            String initialPassword,
            @Schema(description = "true (default): the user must change it at the first login", example = "true")
            Boolean temporaryPassword) {
    }
}
