package io.jixiao.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The floor under an XLSX download: the time to deflate its parts alone, at the level the export
 * writes with (Deflater.BEST_SPEED), on this machine's zlib. An XLSX is a ZIP of XML, so no writer,
 * however fast it builds the XML, delivers the workbook quicker than its parts can be compressed.
 */
final class ZipFloor {

    private ZipFloor() {
    }

    /** Unpacks the workbook (untimed), then deflates every part again, best of {@code rounds}. */
    static Map<String, Object> measure(byte[] xlsx, int rounds) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        long unpacked = 0;
        // through the central directory: the export's local headers leave the sizes to data descriptors
        Path file = Files.createTempFile("bench-workbook-", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (var entries = zip.entries(); entries.hasMoreElements();) {
                    ZipEntry e = entries.nextElement();
                    try (InputStream in = zip.getInputStream(e)) {
                        byte[] part = in.readAllBytes();
                        parts.add(part);
                        unpacked += part.length;
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        byte[] out = new byte[1 << 16];
        double best = Double.MAX_VALUE;
        long compressed = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            compressed = 0;
            Deflater deflater = new Deflater(Deflater.BEST_SPEED, true); // ZIP entries are raw deflate
            try {
                for (byte[] part : parts) {
                    deflater.reset();
                    deflater.setInput(part);
                    deflater.finish();
                    while (!deflater.finished()) {
                        compressed += deflater.deflate(out);
                    }
                }
            } finally {
                deflater.end();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parts", parts.size());
        m.put("unpackedBytes", unpacked);
        m.put("deflatedBytes", compressed);
        m.put("deflateMs", Math.round(best * 10) / 10.0);
        return m;
    }
}
