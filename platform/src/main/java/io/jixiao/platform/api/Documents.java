package io.jixiao.platform.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Materialised reads: a JSON body written when its data changed, served as it is with a strong ETag
 * (RFC 9110), 304 when the client holds it already, and revalidated on every use (no-cache) since the
 * data belongs to one department and can change at any write.
 *
 * <p>A client that accepts gzip (every browser, most HTTP libraries) gets the body compressed once per
 * document instead of per request: a score card is 47 KB of JSON and about a tenth of that compressed,
 * and the web tier passes an encoded body through instead of compressing it again. That answer carries
 * the weak form of the ETag, as nginx gives its own compressed answers, since its bytes differ.
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

    /** Bodies below this many bytes are sent as they are (the web tier's gzip_min_length). */
    static final int GZIP_MIN_LENGTH = 1024;

    /** 200 with a cached answer's JSON, or 304 when the request's If-None-Match holds its tag. */
    public static Response respond(HttpHeaders request, DocumentCache.Entry entry) {
        boolean gzip = entry.length() >= GZIP_MIN_LENGTH && acceptsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        String etag = gzip ? "W/" + entry.etag() : entry.etag();
        Response.ResponseBuilder answer;
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), entry.etag())) {
            answer = Response.notModified();
        } else if (gzip) {
            answer = Response.ok(entry.wireGzipBody(), MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                    .header(HttpHeaders.CONTENT_ENCODING, "gzip");
        } else {
            answer = Response.ok(entry.wireBody(), MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"));
        }
        return answer.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header(HttpHeaders.VARY, "Accept-Language, Accept-Encoding").build();
    }

    /** Accept-Encoding names gzip (or *) with a weight above zero (RFC 9110 12.5.3). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean star = false;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
                continue;
            }
            boolean allowed = weight(parts) > 0;
            if (!coding.equals("*")) {
                return allowed; // gzip named: its own weight decides, whatever * says
            }
            star = allowed;
        }
        return star;
    }

    private static double weight(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0; // an unreadable weight does not count as consent
                }
            }
        }
        return 1;
    }

    /**
     * A cached body in direct memory, answered as it is by every request: Netty writes a direct buffer to
     * the socket without first copying it (a byte[] is copied into a pooled direct buffer per answer, 36 KB
     * for a score card). Each answer writes its own unreleasable slice (Vert.x's getByteBuf), so one
     * answer's completion cannot free it for the next; the JDK frees the memory when the entry is dropped.
     */
    static Buffer wire(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        return Buffer.buffer(Unpooled.wrappedBuffer(direct));
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 6 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 8192)) {
            z.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail
        }
        return out.toByteArray();
    }
}
