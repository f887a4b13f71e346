package io.jixiao.platform.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;

/** Accept-Encoding as clients write it, and the gzip copy a cached document keeps. */
class DocumentsTest {

    @Test
    void gzipIsSentOnlyWhereTheClientAcceptsIt() {
        for (String yes : new String[] { "gzip", "gzip, deflate, br, zstd", "deflate, GZIP;q=0.5", "x-gzip", "*", "br;q=1, *;q=0.1",
                "gzip;q=1.0", "identity, gzip ; q=0.8" }) {
            assertTrue(Documents.acceptsGzip(yes), yes);
        }
        for (String no : new String[] { "identity", "br, deflate", "gzip;q=0", "gzip; q=0.0", "*;q=0", "*, gzip;q=0", "gzip;q=abc", "" }) {
            assertFalse(Documents.acceptsGzip(no), no);
        }
        assertFalse(Documents.acceptsGzip(null));
    }

    @Test
    void anEntryCompressesItsBodyOnceAndInflatesToTheSameBytes() throws Exception {
        String json = "{\"items\":[" + "{\"name\":\"基本支出预算完成率\",\"value\":\"109.60\"},".repeat(200) + "{}]}";
        DocumentCache.Entry e = new DocumentCache.Entry("\"t\"", json);
        Buffer z = e.wireGzipBody();
        assertSame(z, e.wireGzipBody(), "kept with the entry, not compressed again");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(z.getBytes()))) {
            assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertTrue(z.length() * 10 < e.length(), z.length() + " of " + e.length());
    }

    @Test
    void anAnswerWrittenAndReleasedLeavesTheSharedBodyWhole() {
        String json = "{\"name\":\"基本支出预算完成率\"}".repeat(100);
        DocumentCache.Entry e = new DocumentCache.Entry("\"t\"", json);
        byte[] expected = json.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected.length, e.length());
        assertTrue(e.wireBody().getByteBuf().isDirect(), "in direct memory: written to the socket without a copy");
        for (int answer = 0; answer < 3; answer++) {
            // what the HTTP layer does with an answer's body: read it to the end, then release it
            ByteBuf written = e.wireBody().getByteBuf();
            byte[] sent = new byte[written.readableBytes()];
            written.readBytes(sent);
            written.release();
            assertArrayEquals(expected, sent, "answer " + answer);
        }
        assertArrayEquals(expected, e.body());
    }
}
