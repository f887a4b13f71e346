package io.jixiao.platform.inbox;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event the consumer could not apply (unknown schema version, unreadable, or failing): kept, not lost. */
@Entity
@Table(name = "parked_event")
public class ParkedEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "schema_version")
    public Integer schemaVersion;

    @Column(nullable = false, columnDefinition = "text")
    public String message;

    @Column(nullable = false)
    public String reason;

    @Column(name = "parked_at", nullable = false)
    public OffsetDateTime parkedAt;

    /** departmentId:fiscalYear of the event, when its envelope could be read. */
    @Column(name = "event_key")
    public String eventKey;

    /** How often an admin replayed it and it was parked again. */
    @Column(nullable = false)
    public int replays;
}
