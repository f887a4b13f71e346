package io.jixiao.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identities already verified from a bearer token, until the token expires. Keyed by the SHA-256 of
 * the token, so the map never holds a usable token. Bounded: past {@code maxSize} entries, the expired
 * ones go first and, if that is not enough, everything (a cold start costs one verification per token).
 *
 * @param <I> the verified identity
 */
public final class VerifiedTokens<I> {

    /** How long an entry may live at most, whatever the token says (bounds the effect of a clock jump). */
    public static final long MAX_TTL_SECONDS = 300;

    private record Entry<I>(I identity, long expiresAtEpochSecond) {
    }

    private final Map<String, Entry<I>> entries = new ConcurrentHashMap<>();
    private final int maxSize;
    private final Clock clock;

    public VerifiedTokens(int maxSize, Clock clock) {
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** The identity verified for this exact token, or null when unknown or expired. */
    public I find(String token) {
        String key = key(token);
        Entry<I> e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (clock.instant().getEpochSecond() >= e.expiresAtEpochSecond()) {
            entries.remove(key, e);
            return null;
        }
        return e.identity();
    }

    /**
     * Remembers a verified identity until the token's own {@code exp} (seconds since the epoch), at most
     * {@link #MAX_TTL_SECONDS}. A token without a usable expiry is not remembered.
     */
    public void remember(String token, I identity, long tokenExpiresAtEpochSecond) {
        long now = clock.instant().getEpochSecond();
        if (tokenExpiresAtEpochSecond <= now) {
            return;
        }
        if (entries.size() >= maxSize) {
            entries.values().removeIf(e -> e.expiresAtEpochSecond() <= now);
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        entries.put(key(token), new Entry<>(identity, Math.min(tokenExpiresAtEpochSecond, now + MAX_TTL_SECONDS)));
    }

    public int size() {
        return entries.size();
    }

    static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
