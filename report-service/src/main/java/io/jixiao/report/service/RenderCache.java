package io.jixiao.report.service;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rendered files (DOCX, PDF) by the digest of the report they show, least recently used dropped first,
 * bounded in bytes. A department downloads the same report several times between changes, and a render
 * costs tens of milliseconds of CPU while the lookup costs a digest of the report.
 */
final class RenderCache {

    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    RenderCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The cached file of {@code key}, else {@code render}'s, kept when it is small enough to share the space. */
    byte[] get(String key, Supplier<byte[]> render) {
        synchronized (this) {
            byte[] hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] rendered = render.get(); // outside the lock: two renders of one report at once are harmless
        put(key, rendered);
        return rendered;
    }

    private synchronized void put(String key, byte[] value) {
        if (value.length > maxBytes / 8) {
            return; // one large file would push out everything else
        }
        byte[] old = entries.put(key, value);
        bytes += value.length - (old == null ? 0 : old.length);
        Iterator<Map.Entry<String, byte[]>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
