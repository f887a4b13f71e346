package io.jixiao.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An outbox row the broker refused for good (too large, invalid). Its key's later events wait
 * behind it; every other key keeps flowing. An admin retries it once the cause is fixed.
 */
@Entity
@Table(name = "outbox_dead_letter")
public class OutboxDeadLetter extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "outbox_id", nullable = false, unique = true)
    public Long outboxId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_key", nullable = false)
    public String eventKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "envelope_bytes", nullable = false)
    public int envelopeBytes;

    @Column(nullable = false)
    public String reason;

    @Column(name = "failed_at", nullable = false)
    public OffsetDateTime failedAt;
}
