package io.jixiao.platform.audit;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit entry as every service's audit endpoint answers it: who changed which field when, old and new. */
@Schema(name = "AuditEntryView")
public record AuditEntryResponse(OffsetDateTime at, String actor, String field, String oldValue, String newValue, Long version) {

    public static AuditEntryResponse of(AuditEntry e) {
        return new AuditEntryResponse(e.occurredAt, e.actor, e.field, e.oldValue, e.newValue, e.entityVersion);
    }
}
