package io.jixiao.platform.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A conditional GET of a materialised document that waits for the next change instead of answering 304
 * at once (RFC 7240 {@code Prefer: wait=N}). A client holding the current ETag (If-None-Match) gets the
 * new document the moment any instance commits it, or a 304 after N seconds (at most 30), so a screen
 * that follows a score needs one request per change instead of a poll every few milliseconds.
 * <ul>
 * <li>The wait holds no worker thread: the answer is built on a worker once the region changes.</li>
 * <li>Without If-None-Match, with a stale ETag, or while the cache does not hear every commit (its
 * listener is reconnecting), the answer comes at once: the wait is a preference, not a contract.</li>
 * </ul>
 */
public final class LongPoll {

    /** The longest wait granted: below the 60 s read timeouts of common proxies (nginx's default included). */
    public static final int MAX_WAIT_SECONDS = 30;
    public static final String PREFER = "Prefer";
    public static final String PREFERENCE_APPLIED = "Preference-Applied";

    private LongPoll() {
    }

    /**
     * The answer to a GET of {@code current} (already authorised and read by the caller): at once, or once
     * {@code region} changed, read again through {@code reread} (on a worker thread, no request context:
     * it must open its own transaction if it reads the database).
     */
    public static Uni<Response> respond(HttpHeaders headers, DocumentCache cache, String region,
            DocumentCache.Entry current, Supplier<DocumentCache.Entry> reread) {
        int seconds = requestedWait(headers.getRequestHeader(PREFER));
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (seconds == 0 || !cache.hearsChanges() || !Documents.matches(ifNoneMatch, current.etag())) {
            return Uni.createFrom().item(Documents.respond(headers, current));
        }
        // Registered before the second look: a commit between the caller's read and this line completes it.
        Uni<Void> changed = Uni.createFrom().completionStage(cache.nextChange(region));
        DocumentCache.Entry now = reread.get();
        if (now == null || !Documents.matches(ifNoneMatch, now.etag())) {
            return Uni.createFrom().item(Documents.respond(headers, now == null ? current : now));
        }
        return changed.ifNoItem().after(Duration.ofSeconds(seconds)).recoverWithItem((Void) null)
                .onFailure().recoverWithItem((Void) null) // whatever ended the wait, the answer is read afresh
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> {
                    DocumentCache.Entry after = reread.get();
                    Response answer = Documents.respond(headers, after == null ? now : after);
                    return Response.fromResponse(answer).header(PREFERENCE_APPLIED, "wait=" + seconds).build();
                });
    }

    /**
     * Seconds asked for by {@code Prefer: wait=N} (several Prefer headers or comma-separated preferences;
     * names are case-insensitive; the value may be quoted), capped at {@link #MAX_WAIT_SECONDS}; 0 when not
     * asked or not a whole number.
     */
    static int requestedWait(List<String> prefer) {
        if (prefer == null) {
            return 0;
        }
        for (String header : prefer) {
            for (String preference : header.split(",")) {
                String token = preference.split(";", 2)[0].trim();
                int eq = token.indexOf('=');
                if (eq < 0 || !token.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("wait")) {
                    continue;
                }
                String value = token.substring(eq + 1).trim().replace("\"", "");
                if (!value.matches("\\d+")) {
                    return 0;
                }
                return value.length() > 9 ? MAX_WAIT_SECONDS : Math.min(Integer.parseInt(value), MAX_WAIT_SECONDS);
            }
        }
        return 0;
    }
}
