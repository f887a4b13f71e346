package io.jixiao.budget.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.jixiao.budget.imports.ImportLayout.Kind;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;

/**
 * What an uploaded file is, decided from its content, never from its name: an XLSX workbook (ZIP
 * with a workbook part), or text: CSV in UTF-8 (with or without BOM) or GBK/GB18030 (detected when
 * the bytes are not valid UTF-8). Anything else is refused with a problem a clerk understands.
 */
public record UploadedFile(Type type, Charset charset, List<String> sheets, Kind csvKind) {

    public enum Type { XLSX, CSV }

    public static final Charset GBK = Charset.forName("GB18030");

    public static UploadedFile sniff(Path file, long maxBytes) {
        long size;
        byte[] head = new byte[8];
        int n;
        try {
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
        } catch (IOException e) {
            throw refuse(400, "upload.empty");
        }
        if (size == 0) {
            throw refuse(400, "upload.empty");
        }
        if (size > maxBytes) {
            throw new ProblemException(413, "import.too-large", List.of(new FieldError("file", "import.too-large.short")),
                    String.valueOf(maxBytes / (1024 * 1024)));
        }
        if (startsWith(head, n, 0x50, 0x4B, 0x03, 0x04)) {
            return xlsx(file);
        }
        if (startsWith(head, n, 0xD0, 0xCF, 0x11, 0xE0)) {
            // OLE2: a legacy .xls, or an .xlsx protected with a password
            throw refuse(415, "import.ole2");
        }
        if (startsWith(head, n, 0x50, 0x4B)) {
            throw refuse(400, "import.xlsx-corrupt");
        }
        return csv(file);
    }

    private static UploadedFile xlsx(Path file) {
        checkDeclaredSizes(file);
        List<String> names;
        try {
            names = SheetRows.sheetNames(file);
        } catch (Exception e) {
            // a broken ZIP, a .docx, a DOCTYPE in the workbook part, a zip bomb refused by POI's guard, …
            throw SheetRows.refusal(e);
        } catch (LinkageError e) {
            throw refuse(400, "import.xlsx-corrupt");
        }
        if (names.stream().noneMatch(s -> Kind.bySheetName(s).isPresent())) {
            throw refuse(400, "import.no-sheets");
        }
        return new UploadedFile(Type.XLSX, null, names, null);
    }

    private static UploadedFile csv(Path file) {
        Charset charset;
        if (decodes(file, StandardCharsets.UTF_8)) {
            charset = StandardCharsets.UTF_8;
        } else if (decodes(file, GBK)) {
            charset = GBK;
        } else {
            throw refuse(415, "import.encoding");
        }
        List<String> header = new ArrayList<>();
        try {
            CsvRows.read(file, charset, row -> {
                if (row.blank()) {
                    return true;
                }
                for (String v : row.values()) {
                    header.add(ImportLayout.normalise(v));
                }
                return false;
            });
        } catch (IOException e) {
            throw refuse(415, "import.encoding");
        }
        Kind kind = detectKind(header).orElseThrow(() -> refuse(400, "import.csv-layout"));
        return new UploadedFile(Type.CSV, charset, List.of(kind.sheetName), kind);
    }

    /**
     * What the ZIP says its parts unpack to, checked at upload so an honest bomb is refused at once; a
     * ZIP that lies is stopped by POI's limits while it is read (SheetRows).
     */
    private static void checkDeclaredSizes(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            long total = 0;
            int entries = 0;
            for (var e = zip.entries(); e.hasMoreElements();) {
                java.util.zip.ZipEntry entry = e.nextElement();
                entries++;
                if (understated(entry)) {
                    throw refuse(400, "import.xlsx-corrupt"); // its headers lie about what it unpacks to
                }
                total += Math.max(0, entry.getSize());
                if (entry.getSize() > SheetRows.MAX_ENTRY_BYTES || entries > 1000 || total > 4 * SheetRows.MAX_ENTRY_BYTES) {
                    throw refuse(400, "import.xlsx-too-large");
                }
            }
        } catch (IOException e) {
            throw refuse(400, "import.xlsx-corrupt");
        }
    }

    /**
     * No deflate stream is larger than what it unpacks to plus a few bytes per block (zlib's bound is
     * about n + n/4096 + 13), and a stored part is exactly its size: more compressed bytes than the
     * declared size means the headers understate it (a bomb that would pass the declared-size check).
     */
    private static boolean understated(java.util.zip.ZipEntry entry) {
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        return size >= 0 && compressed >= 0 && compressed > size + size / 1024 + 64;
    }

    /** The layout whose required headers are all in the header row (支出明细 before 项目支出: both have 项目名称). */
    static Optional<Kind> detectKind(List<String> header) {
        for (Kind kind : List.of(Kind.LINES, Kind.PROJECTS, Kind.BASIC)) {
            boolean all = ImportLayout.columns(kind).stream().filter(ImportLayout.Column::required)
                    .allMatch(c -> header.contains(ImportLayout.normalise(c.header())));
            if (all) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Text without NUL bytes that decodes strictly in the charset. */
    private static boolean decodes(Path file, Charset charset) {
        try (Reader r = new InputStreamReader(Files.newInputStream(file), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buf = new char[64 * 1024];
            int read;
            while ((read = r.read(buf)) != -1) {
                for (int i = 0; i < read; i++) {
                    if (buf[i] == 0) {
                        throw refuse(415, "import.not-spreadsheet");
                    }
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, int n, int... prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static ProblemException refuse(int status, String code) {
        return new ProblemException(status, code, List.of(new FieldError("file", code + ".short")));
    }
}
