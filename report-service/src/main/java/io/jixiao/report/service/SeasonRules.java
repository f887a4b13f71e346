package io.jixiao.report.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The round's rules that need no database: a department's progress, the days left and which reminder is
 * due. Dates are the district's calendar days (Asia/Shanghai); a deadline day is still on time.
 */
public final class SeasonRules {

    public static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

    /** 未开始, 填报中, 已提交, 已退回, 已通过, 已逾期. */
    public enum Progress { NOT_STARTED, IN_PROGRESS, SUBMITTED, RETURNED, APPROVED, OVERDUE }

    private SeasonRules() {
    }

    public static LocalDate today() {
        return LocalDate.now(DISTRICT_ZONE);
    }

    /** The deadline that applies to one department: its extension when the reviewer granted one. */
    public static LocalDate effectiveDeadline(LocalDate deadline, LocalDate extendedUntil) {
        return extendedUntil != null && extendedUntil.isAfter(deadline) ? extendedUntil : deadline;
    }

    /** Days left until the end of the deadline day; negative once it has passed. */
    public static long daysLeft(LocalDate today, LocalDate deadline) {
        return ChronoUnit.DAYS.between(today, deadline);
    }

    /**
     * filingStatus is the filing's status or null (no filing yet). A returned filing is not overdue: the
     * department did submit on time and the return restarts its work (see docs/season.md).
     */
    public static Progress progress(String filingStatus, boolean hasFigures, LocalDate today, LocalDate effectiveDeadline) {
        if ("APPROVED".equals(filingStatus)) {
            return Progress.APPROVED;
        }
        if ("SUBMITTED".equals(filingStatus) || "SUBMITTING".equals(filingStatus)) {
            return Progress.SUBMITTED;
        }
        if ("RETURNED".equals(filingStatus)) {
            return Progress.RETURNED;
        }
        if (today.isAfter(effectiveDeadline)) {
            return Progress.OVERDUE;
        }
        return hasFigures ? Progress.IN_PROGRESS : Progress.NOT_STARTED;
    }

    /** A first submission after the department's deadline needs the reviewer's extension. */
    public static boolean submitAllowed(String filingStatus, LocalDate today, LocalDate effectiveDeadline) {
        return "RETURNED".equals(filingStatus) || !today.isAfter(effectiveDeadline);
    }

    /** The reminder due today for a department that has not submitted: DUE_1, DUE_7 or null. */
    public static String reminderDue(LocalDate today, LocalDate effectiveDeadline) {
        long left = daysLeft(today, effectiveDeadline);
        if (left < 0) {
            return null;
        }
        if (left <= 1) {
            return "DUE_1";
        }
        return left <= 7 ? "DUE_7" : null;
    }
}
