package io.jixiao.platform.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;

/**
 * The opaque {@code cursor} of every paged list, written once: URL-safe Base64 (no padding) of the
 * page's last position. A cursor the client altered or made for another list is a 400 problem on
 * field {@code cursor}, so the client starts again from the first page.
 *
 * <p>Two shapes: a position of non-negative numbers ("tx.id"), which the change feed's stored client
 * positions already use and must keep; and a position of texts (sort keys that may hold any
 * character), kept as a JSON array.
 */
public final class Cursors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursors() {
    }

    /** Cursor of a numeric position, e.g. (transaction id, row id) or a row id. */
    public static String ofNumbers(long... position) {
        StringBuilder text = new StringBuilder();
        for (long p : position) {
            if (p < 0) {
                throw new IllegalArgumentException("negative cursor position " + p);
            }
            text.append(text.length() == 0 ? "" : ".").append(p);
        }
        return encode(text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code count} numbers of a cursor made by {@link #ofNumbers}; null when there is none (first page). */
    public static long[] numbers(String cursor, int count) {
        if (absent(cursor)) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.", -1);
            if (parts.length != count) {
                throw invalid();
            }
            long[] position = new long[count];
            for (int i = 0; i < count; i++) {
                position[i] = Long.parseLong(parts[i]);
                if (position[i] < 0) {
                    throw invalid();
                }
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** Cursor of a position made of texts (e.g. the sort, its last key and the last code); none may be null. */
    public static String ofTexts(String... position) {
        try {
            return encode(JSON.writeValueAsBytes(List.of(position)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code count} texts of a cursor made by {@link #ofTexts}; null when there is none (first page). */
    public static String[] texts(String cursor, int count) {
        if (absent(cursor)) {
            return null;
        }
        String[] parts;
        try {
            parts = JSON.readValue(Base64.getUrlDecoder().decode(cursor), String[].class);
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
        if (parts == null || parts.length != count) {
            throw invalid();
        }
        for (String p : parts) {
            if (p == null) {
                throw invalid();
            }
        }
        return parts;
    }

    /** The answer to a cursor that is well formed but does not fit the list asked for. */
    public static ProblemException invalid() {
        return new ProblemException(400, "request.invalid", List.of(new FieldError("cursor", "page.cursor")));
    }

    private static boolean absent(String cursor) {
        return cursor == null || cursor.isBlank();
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
