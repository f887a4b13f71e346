package io.jixiao.report.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.outbox.Outbox;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.report.messaging.PublishedEvents;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.jixiao.report.domain.SeasonRoundDepartment;

/**
 * In-app notices (站内通知) of a department: the round's opening, extension and reminders, a return or
 * approval and a recorded 抽查复核. Each is a row the SPA reads and a RoundNotice event through the outbox,
 * in the writing transaction.
 */
@ApplicationScoped
public class NoticeService {

    @Schema(name = "Notice", description = "站内通知: a notice to a department")
    public record NoticeResponse(@Schema(example = "12") long id,
            @Schema(example = "d0000000-0000-4000-8000-000000000001") String departmentId,
            @Schema(example = "2020") int fiscalYear,
            @Schema(nullable = true, description = "null: a return or approval of a department in no round",
                    example = "3") Long roundId,
            @Schema(enumeration = { "OPENED", "DUE_7", "DUE_1", "EXTENDED", "RETURNED", "APPROVED", "REREVIEWED" },
                    example = "DUE_7") String kind,
            @Schema(nullable = true, description = "the deadline it speaks of (OPENED, EXTENDED, DUE_7, DUE_1); null for the others")
            LocalDate deadline,
            @Schema(nullable = true, description = "the reviewer's comment (RETURNED, APPROVED) or the extension's reason (EXTENDED)")
            String comment,
            OffsetDateTime createdAt, @Schema(nullable = true, description = "null: unread") OffsetDateTime readAt) {
    }

    private final EntityManager em;
    private final AuditTrail audit;
    private final Outbox outbox;

    public NoticeService(EntityManager em, AuditTrail audit, Outbox outbox) {
        this.em = em;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** A return or an approval: the department is told in the app (with or without a round). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onReviewed(String actor, String departmentId, int fiscalYear, boolean approved, String comment) {
        SeasonRoundDepartment d = SeasonRoundDepartment.find("key.departmentId = ?1 and fiscalYear = ?2", departmentId,
                fiscalYear).firstResult();
        send(actor, departmentId, fiscalYear, d == null ? null : d.key.roundId(), approved ? "APPROVED" : "RETURNED",
                null, comment == null || comment.isBlank() ? null : comment.strip());
    }

    /** 抽查复核 recorded (first saved or corrected): the department is told its result is there to read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onReReviewed(String actor, String departmentId, int fiscalYear, long roundId) {
        send(actor, departmentId, fiscalYear, roundId, "REREVIEWED", null, null);
    }

    /** The reminders 7 days and 1 day before each department's deadline, once each, to those not yet submitted. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        remind(SeasonRules.today());
    }

    @Transactional
    public int remind(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.id, r.fiscal_year, r.deadline, d.department_id, d.extended_until "
                + "from season_round r join season_round_department d on d.round_id = r.id "
                + "left join filing f on f.department_id = d.department_id and f.fiscal_year = d.fiscal_year "
                + "where r.status = 'OPEN' and (f.status is null or f.status = 'RETURNED')").getResultList();
        int sent = 0;
        for (Object[] row : rows) {
            LocalDate deadline = Columns.date(row[2]);
            LocalDate extended = Columns.date(row[4]);
            LocalDate effective = SeasonRules.effectiveDeadline(deadline, extended);
            String kind = SeasonRules.reminderDue(today, effective);
            if (kind != null && send("season-reminder", (String) row[3], (Integer) row[1], ((Number) row[0]).longValue(),
                    kind, effective, null)) {
                sent++;
            }
        }
        return sent;
    }

    /** Stores a notice and its RoundNotice event; false when an OPENED/DUE_7/DUE_1 notice was already sent. */
    boolean send(String actor, String departmentId, int fiscalYear, Long roundId, String kind,
            LocalDate deadline, String comment) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("insert into season_notice (department_id, fiscal_year, round_id, kind, "
                + "deadline, comment, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (round_id, department_id, kind) "
                + "where kind in ('OPENED', 'DUE_7', 'DUE_1') do nothing returning id")
                .setParameter(1, departmentId).setParameter(2, fiscalYear).setParameter(3, roundId)
                .setParameter(4, kind).setParameter(5, deadline).setParameter(6, comment).setParameter(7, now())
                .getResultList();
        if (ids.isEmpty()) {
            return false;
        }
        outbox.publish(PublishedEvents.ROUND_NOTICE, 1, departmentId, fiscalYear, actor,
                new PublishedEvents.RoundNoticePayload(((Number) ids.get(0)).longValue(), roundId, kind, deadline, comment));
        return true;
    }

    /** The caller's department's notices, newest first (the bureau has none). */
    @Transactional
    public List<NoticeResponse> notices(Caller caller, int limit) {
        if (caller.departmentId().isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, department_id, fiscal_year, round_id, kind, deadline, comment, "
                + "created_at, read_at from season_notice where department_id = ?1 order by created_at desc, id desc")
                .setParameter(1, caller.departmentId().get()).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new NoticeResponse(((Number) r[0]).longValue(), (String) r[1], (Integer) r[2],
                r[3] == null ? null : ((Number) r[3]).longValue(), (String) r[4],
                Columns.date(r[5]), (String) r[6], Columns.time(r[7]), Columns.time(r[8]))).toList();
    }

    /** Marks one of the caller's department's notices read; another department's is not found. */
    @Transactional
    public void markRead(Caller caller, long id) {
        int n = caller.departmentId().isEmpty() ? 0 : em.createNativeQuery("update season_notice set read_at = "
                + "coalesce(read_at, ?1) where id = ?2 and department_id = ?3").setParameter(1, now()).setParameter(2, id)
                .setParameter(3, caller.departmentId().get()).executeUpdate();
        if (n == 0) {
            throw ProblemException.notFound("notice.not-found", String.valueOf(id));
        }
        audit.record("season-notice", String.valueOf(id), null, caller.name(),
                List.of(new AuditTrail.Change("read", false, true)));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
