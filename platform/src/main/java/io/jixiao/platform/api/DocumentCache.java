package io.jixiao.platform.api;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.jixiao.platform.transaction.AfterCommit;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The materialised reads (sheet, score card, summary pages) kept in memory, so that a read repeated
 * while nothing changed costs a map lookup instead of a database round trip.
 *
 * <p>Entries are grouped in regions (a department-year, or a whole year for list reads). A region is
 * dropped when its rows change: at once after a commit of this instance ({@link #invalidateAfterCommit},
 * so a client reads its own write), and for writes of any instance by the database itself (a trigger on
 * each document table sends NOTIFY, {@link DocumentChangeListener} receives it). Entries are trusted only
 * while that listener is connected: without it every read goes to the database.
 *
 * <p>A load that raced with an invalidation is not kept (the generation check), so a copy read before
 * a commit can never outlive the notification of that commit.
 */
@ApplicationScoped
public class DocumentCache {

    /**
     * One cached answer: its quoted ETag, its JSON body as UTF-8 bytes (encoded once, not per request:
     * for a 30 KB score card the encoding cost more than the rest of the read), and the next page's
     * cursor of a list (else null). The body is kept in direct memory, as the socket takes it
     * ({@link Documents#wire}). The gzip copy of the body is made at the first read that accepts it and
     * kept with the entry, so a cached score card is compressed once per change, not per request.
     */
    public static final class Entry {
        private final String etag;
        private final Buffer body;
        private final String nextCursor;
        private volatile Buffer gzip;

        public Entry(String etag, byte[] body, String nextCursor) {
            this.etag = etag;
            this.body = Documents.wire(body);
            this.nextCursor = nextCursor;
        }

        public Entry(String etag, String json) {
            this(etag, json, (String) null);
        }

        public Entry(String etag, String json, String nextCursor) {
            this(etag, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), nextCursor);
        }

        public String etag() {
            return etag;
        }

        /** The body's bytes (a copy: answers write {@link #wireBody}). */
        public byte[] body() {
            return body.getBytes();
        }

        /** The body's length in bytes. */
        public int length() {
            return body.length();
        }

        public String nextCursor() {
            return nextCursor;
        }

        /** The body as an answer writes it: shared by every answer, never released by one. */
        public Buffer wireBody() {
            return body;
        }

        /** The body gzip-compressed; two racing first reads may both compress it, either copy is right. */
        public Buffer wireGzipBody() {
            Buffer z = gzip;
            if (z == null) {
                z = Documents.wire(Documents.gzip(body()));
                gzip = z;
            }
            return z;
        }
    }

    private final Map<String, Map<String, Entry>> regions = new ConcurrentHashMap<>();
    /** Long polls ({@link LongPoll}) waiting for a region's next change: one future per region, however many wait. */
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final boolean enabled;
    private final long maxBytes;
    private volatile boolean trusted;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    public DocumentCache(ApiConfig config) {
        this(config.documentCache().enabled(), config.documentCache().maxBytes());
    }

    DocumentCache(boolean enabled, long maxBytes) {
        this.enabled = enabled;
        this.maxBytes = maxBytes;
    }

    /** The region of one department-year's documents of a table. */
    public static String region(String table, int fiscalYear, String departmentId) {
        return table + ":" + fiscalYear + ":" + departmentId;
    }

    /** The region of a whole year of a table (list reads). */
    public static String region(String table, int fiscalYear) {
        return table + ":" + fiscalYear;
    }

    /**
     * The cached entry, else {@code load} (null: nothing stored, not cached). Authorisation is the
     * caller's job and must run before this: the cache knows nothing of who asks.
     */
    public Entry get(String region, String variant, Supplier<Entry> load) {
        if (!enabled || !trusted) {
            return load.get();
        }
        Map<String, Entry> r = regions.get(region);
        Entry hit = r == null ? null : r.get(variant);
        if (hit != null) {
            return hit;
        }
        long before = generation.get();
        Entry loaded = load.get();
        if (loaded != null) {
            put(region, variant, loaded, before);
        }
        return loaded;
    }

    private void put(String region, String variant, Entry entry, long loadedAt) {
        long size = entry.length() + entry.etag().length();
        if (size > maxBytes / 16) {
            return; // one huge answer would push out everything else
        }
        if (bytes.addAndGet(size) > maxBytes) {
            clear(); // rare at district sizes; simpler than an eviction order, and always correct
            bytes.addAndGet(size);
        }
        regions.computeIfAbsent(region, k -> new ConcurrentHashMap<>()).put(variant, entry);
        // An invalidation that ran while the entry was loaded may have missed it: drop it again.
        if (generation.get() != loadedAt || !trusted) {
            drop(region);
        }
    }

    /** Drops a region now (a notification from the database, or this instance's commit), then wakes its waiters. */
    public void invalidate(String region) {
        generation.incrementAndGet();
        drop(region);
        CompletableFuture<Void> changed = waiting.remove(region);
        if (changed != null) {
            changed.complete(null);
        }
    }

    /**
     * Completes at the region's next change, heard from any instance's commit; also when the cache stops
     * trusting itself (the waiter then reads from the database). Register before the read the client's
     * ETag is compared with, so a change in between is not missed. Each caller gets its own copy: one
     * waiter giving up (cancelling it) leaves the others waiting.
     */
    public CompletableFuture<Void> nextChange(String region) {
        return waiting.computeIfAbsent(region, k -> new CompletableFuture<>()).copy();
    }

    /** Whether a long poll waits for the region's next change now (for tests). */
    public boolean isWaitedFor(String region) {
        return waiting.containsKey(region);
    }

    /** Whether every commit's change is heard now (the listener is connected): only then may a read wait for one. */
    public boolean hearsChanges() {
        return enabled && trusted;
    }

    private void drop(String region) {
        Map<String, Entry> gone = regions.remove(region);
        if (gone != null) {
            gone.values().forEach(e -> bytes.addAndGet(-(e.length() + e.etag().length())));
        }
    }

    /**
     * Drops the region when the current transaction ends, before the request that wrote answers, so a
     * client that reads after its write never gets the old copy from this instance.
     */
    public void invalidateAfterCommit(String region) {
        if (!enabled) {
            return;
        }
        AfterCommit.run(transactions, () -> invalidate(region));
    }

    /** Trust entries (the listener is connected) or not (it lost the database: everything is dropped). */
    void trust(boolean connected) {
        generation.incrementAndGet();
        trusted = connected && enabled;
        clear();
    }

    void clear() {
        generation.incrementAndGet();
        regions.clear();
        bytes.set(0);
        for (String region : waiting.keySet()) {
            CompletableFuture<Void> changed = waiting.remove(region);
            if (changed != null) {
                changed.complete(null);
            }
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** For tests and health: the number of cached answers. */
    public int size() {
        return regions.values().stream().mapToInt(Map::size).sum();
    }
}
