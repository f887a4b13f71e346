package io.jixiao.platform.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Materialised reads: a JSON body written when its data changed, served as it is with a strong ETag
 * (RFC 9110), 304 when the client holds it already, and revalidated on every use (no-cache) since the
 * data belongs to one department and can change at any write.
 */
public final class Documents {

    private Documents() {
    }

    /** The quoted ETag of a body: the first 132 bits of its SHA-256, base64url. */
    public static String etag(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match holds the tag (or *): a list of tags, weak or strong, compared as RFC 9110 does for GET. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String t : ifNoneMatch.split(",")) {
            String tag = t.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** 200 with a cached answer's JSON, or 304 when the request's If-None-Match holds its tag. */
    public static Response respond(HttpHeaders request, DocumentCache.Entry entry) {
        return respond(request, entry.etag(), entry.body());
    }

    /** 200 with the stored JSON (UTF-8), or 304 when the request's If-None-Match holds its tag. */
    public static Response respond(HttpHeaders request, String etag, byte[] body) {
        Response.ResponseBuilder answer = matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)
                ? Response.notModified()
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"));
        return answer.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header(HttpHeaders.VARY, "Accept-Language").build();
    }
}
