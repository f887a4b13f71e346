package io.jixiao.report.service;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;

/**
 * The text of an uploaded report: a .docx (paragraphs and tables in order, see DocxText) or plain text in UTF-8 or GBK
 * (GB18030, detected when the bytes are not valid UTF-8). Anything else gets a clear refusal.
 */
public final class UploadedReport {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /**
     * Largest part of a .docx once unpacked. XWPF holds the whole document.xml as a DOM (several times
     * its size on the heap), and POI's default allows 4 GB; a 300-page report's document.xml is under
     * 10 MB.
     */
    static final long MAX_ENTRY_BYTES = 20L * 1024 * 1024;
    /**
     * Smallest compressed/unpacked ratio (1:50). Word's XML compresses about 1:5 to 1:20; POI's default
     * 1:100 would let a 10 MB upload unpack to 1 GB.
     */
    static final double MIN_INFLATE_RATIO = 0.02;

    static {
        // process-wide: report-service only ever unpacks uploaded reports
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxTextSize(MAX_ENTRY_BYTES);
    }

    public record Text(String text, String format) {
    }

    private UploadedReport() {
    }

    public static Text read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw refuse(400, "upload.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw refuse(413, "upload.too-large");
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            return new Text(docx(bytes), "docx");
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            // an OLE2 container: a legacy .doc, or a .docx protected with a password
            throw refuse(415, "upload.ole2");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw refuse(415, "upload.binary");
            }
        }
        try {
            return new Text(strict(StandardCharsets.UTF_8, bytes).replaceFirst("^\uFEFF", ""), "text/utf-8");
        } catch (CharacterCodingException notUtf8) {
            try {
                return new Text(strict(Charset.forName("GB18030"), bytes), "text/gbk");
            } catch (CharacterCodingException e) {
                throw refuse(415, "upload.encoding");
            }
        }
    }

    private static String docx(byte[] bytes) {
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            text = DocxText.of(doc);
        } catch (Exception e) {
            // POI reports its unpacking limits only by message; a DOCTYPE (XXE) is refused by its parser
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                    throw refuse(400, "upload.docx-too-large");
                }
            }
            throw refuse(400, "upload.docx-corrupt");
        }
        if (text.isBlank()) {
            // a scanned report: pages as images, nothing the checker could read
            throw refuse(422, "upload.no-text");
        }
        return text;
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException refuse(int status, String code) {
        return new ProblemException(status, code, List.of(new FieldError("file", code)));
    }
}
