package io.jixiao.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.transaction.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/** The outbox's dead letters: recorded by the relay, counted for health and metrics, retried by an admin. */
@ApplicationScoped
public class OutboxDeadLetters {

    private final AtomicLong count = new AtomicLong();
    private final TransactionSynchronizationRegistry transactions;

    public OutboxDeadLetters(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        registry.gauge("jixiao.outbox.dead_letters", count);
    }

    /** One dead letter as the admin API shows it; {@code waiting} = later events of its key held behind it. */
    @Schema(name = "DeadLetter", description = "An outgoing event the broker refused for good")
    public record DeadLetterResponse(@Schema(example = "3") long id, UUID eventId,
            @Schema(example = "BudgetFiguresChanged") String eventType,
            @Schema(description = "the department-year it is about", example = "d0000000-0000-4000-8000-000000000001:2020")
            String key, @Schema(example = "1210344") int bytes, String reason, OffsetDateTime failedAt,
            @Schema(description = "later events of the same key held behind it", example = "2") long waiting) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void add(OutboxEvent row, String reason) {
        OutboxDeadLetter d = new OutboxDeadLetter();
        d.outboxId = row.id;
        d.eventId = row.eventId;
        d.eventKey = row.eventKey;
        d.eventType = row.eventType;
        d.envelopeBytes = row.envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        d.reason = reason;
        d.failedAt = OffsetDateTime.now(ZoneOffset.UTC);
        d.persist();
    }

    /** Dead letters known to this instance (refreshed at start, on change and by housekeeping). */
    public long count() {
        return count.get();
    }

    public void refreshCount() {
        count.set(QuarkusTransaction.requiringNew().call(() -> OutboxDeadLetter.count()));
    }

    /** Recounts once the current transaction has committed (the relay's, which just wrote one). */
    void refreshCountAfterCommit(int added) {
        AfterCommit.run(transactions, () -> count.addAndGet(added));
    }

    @Transactional
    public List<DeadLetterResponse> list() {
        List<OutboxDeadLetter> rows = OutboxDeadLetter.<OutboxDeadLetter>find("order by id").page(0, 500).list();
        return rows.stream().map(d -> new DeadLetterResponse(d.id, d.eventId, d.eventType, d.eventKey, d.envelopeBytes, d.reason,
                d.failedAt, OutboxEvent.count("eventKey = ?1 and publishedAt is null and id > ?2", d.eventKey, d.outboxId)))
                .toList();
    }

    /**
     * Lets the relay try the row again (after the broker's limit was raised, say). If it still cannot
     * be published it comes back as a new dead letter with the new reason.
     */
    @Transactional
    public void retry(long id) {
        OutboxDeadLetter d = OutboxDeadLetter.findById(id);
        if (d == null) {
            throw ProblemException.notFound("dead-letter.not-found", id);
        }
        d.delete();
    }
}
