package io.jixiao.platform.audit;

import java.time.OffsetDateTime;

/** One audit entry as every service's audit endpoint answers it: who changed which field when, old and new. */
public record AuditEntryView(OffsetDateTime at, String actor, String field, String oldValue, String newValue, Long version) {

    public static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.occurredAt, e.actor, e.field, e.oldValue, e.newValue, e.entityVersion);
    }
}
