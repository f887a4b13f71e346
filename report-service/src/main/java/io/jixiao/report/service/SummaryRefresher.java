package io.jixiao.report.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.jixiao.platform.transaction.AfterCommit;
import io.jixiao.platform.work.CoalescingWorker;
import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.domain.BasicExpenditureView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Refreshes the 全区汇总 rows that events changed, shortly after and coalesced: a burst of sheets and
 * scores for one department-year (a save, its rescoring, an import, a template change rescoring the
 * district) costs one refresh, not one per event, and never runs inside the consumer that received it.
 * <ul>
 * <li>The consumer marks the department-year in {@code summary_pending} in its own transaction
 * ({@link #requestInTransaction}); the mark commits or rolls back with the read model it changed.</li>
 * <li>After that commit, a refresh pass runs once the delay has passed ({@code jixiao.report.summary.
 * refresh-delay}); a tick every few seconds catches marks of other instances and of a crash.</li>
 * <li>One department-year per transaction, taken {@code for update skip locked}: instances share the
 * work, and a consumer marking a row being refreshed waits for that refresh to commit and then marks it
 * again, so a change that arrived during a refresh is refreshed once more, never lost.</li>
 * </ul>
 * User actions (a narrative save, a filing step, a re-review) still refresh their row in their own
 * transaction: the person who acted sees the summary at once.
 */
@ApplicationScoped
public class SummaryRefresher {

    private static final Logger LOG = Logger.getLogger(SummaryRefresher.class);

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final DistrictSummaryService summaries;
    private final CoalescingWorker runner;
    private final Counter refreshes;

    public SummaryRefresher(EntityManager em, TransactionSynchronizationRegistry transactions,
            DistrictSummaryService summaries, ReportConfig config, MeterRegistry registry) {
        this.refreshes = registry.counter("jixiao.summary.refreshes");
        this.em = em;
        this.transactions = transactions;
        this.summaries = summaries;
        this.runner = new CoalescingWorker("summary-refresher", config.summary().refreshDelay(), this::drain);
    }

    /** Marks the department-year for a refresh, in the caller's transaction; the pass runs after its commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestInTransaction(BasicExpenditureView.Key key) {
        // DO UPDATE (not NOTHING): a row a pass holds is waited for, then marked again (see the class comment)
        em.createNativeQuery("insert into summary_pending (department_id, fiscal_year, requested_at) values (?1, ?2, ?3) "
                + "on conflict (department_id, fiscal_year) do update set requested_at = excluded.requested_at")
                .setParameter(1, key.departmentId()).setParameter(2, key.fiscalYear())
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        AfterCommit.run(transactions, this::wake);
    }

    /** Asks for a pass after the delay; a pass already queued takes this request along. */
    public void wake() {
        runner.wake();
    }

    @Scheduled(every = "${jixiao.report.summary.tick:5s}", delayed = "2s")
    void tick() {
        wake();
    }

    void onStart(@Observes StartupEvent event) {
        wake(); // marks left by the previous run
    }

    /**
     * Refreshes marked rows until none is due that another pass does not hold; the number refreshed. Runs
     * on the refresher's thread, and on the caller's where everything marked must be done before it answers
     * (a read-model rebuild).
     */
    public synchronized int drain() {
        int refreshed = 0;
        try {
            while (!runner.stopped()) {
                BasicExpenditureView.Key[] taken = new BasicExpenditureView.Key[1];
                try {
                    if (!QuarkusTransaction.requiringNew().call(() -> refreshNext(taken))) {
                        break;
                    }
                    refreshed++;
                    refreshes.increment();
                } catch (RuntimeException e) {
                    if (taken[0] == null || io.jixiao.platform.inbox.InboundEvents.isTransient(e)) {
                        throw e;
                    }
                    // a row that cannot be built now must not hold up the district's other rows
                    LOG.errorf(e, "summary: the row of %s %d cannot be refreshed; retried in a minute",
                            taken[0].departmentId(), taken[0].fiscalYear());
                    QuarkusTransaction.requiringNew().run(() -> postpone(taken[0]));
                }
            }
        } catch (RuntimeException e) {
            // the database is unreachable, say: the marks stay, the next tick tries again
            LOG.warnf("summary: refresh pass stopped (%s); retrying on the next tick", e.getClass().getSimpleName());
        }
        return refreshed;
    }

    /**
     * The oldest due mark no other pass holds: refreshed and unmarked in this transaction, holding the mark
     * meanwhile. False when there is none. {@code taken[0]} names the row for the caller's error handling.
     */
    private boolean refreshNext(BasicExpenditureView.Key[] taken) {
        @SuppressWarnings("unchecked")
        List<Object[]> next = em.createNativeQuery("select department_id, fiscal_year from summary_pending "
                + "where requested_at <= ?1 order by requested_at limit 1 for update skip locked")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC)).getResultList();
        if (next.isEmpty()) {
            return false;
        }
        BasicExpenditureView.Key key = new BasicExpenditureView.Key((String) next.get(0)[0], ((Number) next.get(0)[1]).intValue());
        taken[0] = key;
        summaries.refresh(key);
        em.createNativeQuery("delete from summary_pending where department_id = ?1 and fiscal_year = ?2")
                .setParameter(1, key.departmentId()).setParameter(2, key.fiscalYear()).executeUpdate();
        return true;
    }

    private void postpone(BasicExpenditureView.Key key) {
        em.createNativeQuery("update summary_pending set requested_at = ?3 where department_id = ?1 and fiscal_year = ?2")
                .setParameter(1, key.departmentId()).setParameter(2, key.fiscalYear())
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1)).executeUpdate();
    }

    /** Marked rows not yet refreshed (tests, health). */
    public long pending() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from summary_pending").getSingleResult()).longValue());
    }

    void onStop(@Observes ShutdownEvent event) {
        runner.stop();
    }
}
