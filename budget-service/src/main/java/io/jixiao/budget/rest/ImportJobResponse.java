package io.jixiao.budget.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.budget.domain.ImportJob;
import io.jixiao.platform.problem.Messages;

/** An import job as the SPA polls it: state, progress, every kept error with its place and a clerk's message. */
@Schema(name = "ImportJob", description = "A background import of an Excel/CSV file into a department-year")
public record ImportJobResponse(
        @Schema(example = "5f0c6c1e-7c1a-4d0e-9a53-2f1f3f0b8e11") UUID id,
        @Schema(example = "d0000000-0000-4000-8000-000000000001") String departmentId,
        @Schema(example = "2020") int fiscalYear,
        @Schema(example = "2020年预算支出.xlsx") String fileName,
        @Schema(description = "XLSX or CSV, decided from the content", example = "XLSX") String fileType,
        @Schema(example = "183422") long fileBytes,
        @Schema(description = "QUEUED, RUNNING, SUCCEEDED, FAILED or INTERRUPTED (the service stopped while it ran)",
                enumeration = { "QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "INTERRUPTED" }, example = "RUNNING") String state,
        // no enumeration: a nullable enum needs null among its values, which @Schema cannot list
        @Schema(nullable = true, description = "VALIDATING (the 基本支出 and 项目支出 rows checked, nothing written) or "
                + "SAVING (one transaction: those rows saved, then the 支出明细 checked and written as they are read; an "
                + "error in any row rolls it all back and the job fails with every error of the file); null while queued",
                example = "SAVING") String phase,
        @Schema(nullable = true, description = "data rows in the file (an estimate while validating); null while queued",
                example = "100000") Integer totalRows,
        @Schema(description = "rows of the file read so far", example = "42000") int processedRows,
        @Schema(description = "0..100: the rows read of the rows in the file", example = "42") int percent,
        @Schema(description = "all errors found (only the first ones are listed)", example = "1") int errorCount,
        List<RowError> errors,
        // a description on a $ref would make SmallRye keep "type": "object" beside its anyOf, which refuses the null
        @Schema(nullable = true) Failure failure,
        @Schema(nullable = true) Summary summary,
        String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        @Schema(nullable = true) OffsetDateTime finishedAt) {

    /** What a successful import saved: the map ImportRunner stores with the job, read back in its order. */
    @Schema(name = "ImportSummary", description = "What a successful import saved: counts per section, the new revision")
    public record Summary(boolean basicChanged, int projectsCreated, int projectsUpdated, int projectsUnchanged,
            int linesReplaced, int linesSaved,
            @Schema(description = "sum of the saved 支出明细, 元", example = "5012345.00") String linesTotal,
            @Schema(description = "the sheet's revision after the import", example = "7") long revision) {

        static Summary of(Map<String, Object> m) {
            return m == null ? null : new Summary((Boolean) m.get("basicChanged"), count(m, "projectsCreated"),
                    count(m, "projectsUpdated"), count(m, "projectsUnchanged"), count(m, "linesReplaced"),
                    count(m, "linesSaved"), (String) m.get("linesTotal"), ((Number) m.get("revision")).longValue());
        }

        private static int count(Map<String, Object> m, String key) {
            return ((Number) m.get(key)).intValue();
        }
    }

    @Schema(name = "ImportRowError", description = "One wrong cell: where it is and what to do")
    public record RowError(
            @Schema(example = "支出明细") String sheet,
            @Schema(description = "row number as Excel shows it (header = 1)", example = "7") int row,
            @Schema(nullable = true, description = "column letter; null when the error is about a missing column", example = "F")
            String column,
            @Schema(nullable = true, description = "the column's header; null when there is no column", example = "金额（元）")
            String header,
            @Schema(example = "import.amount.negative") String code,
            @Schema(example = "金额不能为负数。") String message) {
    }

    @Schema(name = "ImportFailure", description = "Why the whole file was refused or not saved (the job's failure is null on success)")
    public record Failure(@Schema(example = "filing.locked") String code,
            @Schema(example = "2020 年度自评已提交，数据已锁定：请财政局退回后再修改。") String message) {
    }

    public static ImportJobResponse of(ImportJob j, Locale locale) {
        List<RowError> errors = j.errors == null ? List.of() : j.errors.stream()
                .map(e -> new RowError(e.sheet(), e.row(), e.column(), e.header(), e.code(),
                        Messages.text(locale, e.code(), e.args() == null ? new Object[0] : e.args().toArray())))
                .toList();
        Failure failure = j.failureCode == null ? null
                : new Failure(j.failureCode, Messages.text(locale, j.failureCode,
                        j.failureArgs == null ? new Object[0] : j.failureArgs.toArray()));
        return new ImportJobResponse(j.id, j.departmentId, j.fiscalYear, j.fileName, j.fileType, j.fileBytes, j.state.name(),
                j.phase == null ? null : j.phase.name(), j.totalRows, j.processedRows, percent(j), j.errorCount, errors,
                failure, Summary.of(j.summary), j.createdBy, j.createdAt, j.updatedAt, j.finishedAt);
    }

    static int percent(ImportJob j) {
        if (!j.state.active()) {
            return 100;
        }
        if (j.state == ImportJob.State.QUEUED || j.totalRows == null || j.totalRows == 0) {
            return 0;
        }
        // one pass over the file: the rows read (99 at most until the job has ended)
        return (int) Math.min(99, (long) j.processedRows * 100 / j.totalRows);
    }
}
