package io.jixiao.platform.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A materialised read (see {@link Documents}): the JSON body an API read answers, the revision of the
 * data it was written from, and the ETag of the body. Each service maps it to its own table and key.
 */
@MappedSuperclass
public abstract class StoredDocument extends PanacheEntityBase {

    @Column(nullable = false)
    public long revision;

    @Column(nullable = false)
    public String etag;

    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Sets the body written from data at {@code revision}, and its ETag. */
    public void write(String json, long dataRevision) {
        body = json;
        etag = Documents.etag(json);
        revision = dataRevision;
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
