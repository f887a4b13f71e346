package io.jixiao.bench;

import static io.jixiao.bench.Http.*;
import static io.jixiao.bench.Stats.*;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/** The import rows: a file uploaded and its job followed to the end, timed from the upload. */
final class ImportMeasurement {

    private final Options o;

    ImportMeasurement(Options o) {
        this.o = o;
    }

    /**
     * Import of a file (--csv, or --file for an .xlsx or .csv): multipart upload, then the job polled every
     * 10 ms until it ends; upload → SUCCEEDED.
     * {@code --warmup N} untimed imports of the same file come first (the service's parse and save paths
     * compiled, as for the API rows' warm-up), then {@code --repeat N} timed ones: their median.
     */
    Map<String, Object> run() throws Exception {
        String budget = o.opt("budget");
        String dept = o.opt("dept");
        int year = Integer.parseInt(o.opt("year"));
        Path path = Path.of(o.getOrDefault("file", o.getOrDefault("csv", null)));
        boolean xlsx = path.toString().endsWith(".xlsx");
        int rows = Integer.parseInt(o.opt("rows"));
        int warmup = o.intOpt("warmup", 0);
        int repeat = Math.max(1, o.intOpt("repeat", 1));
        Tokens tokens = Tokens.fromEnv();
        byte[] file = Files.readAllBytes(path);
        for (int i = 0; i < warmup; i++) {
            JsonNode state = importOnce(tokens, budget, dept, year, file, rows, xlsx).state();
            if (!"SUCCEEDED".equals(state.path("state").asText())) {
                return importResult(state, rows, file.length, List.of(), warmup);
            }
        }
        List<Double> seconds = new ArrayList<>();
        JsonNode state = null;
        for (int i = 0; i < repeat; i++) {
            Imported one = importOnce(tokens, budget, dept, year, file, rows, xlsx);
            state = one.state();
            if (!"SUCCEEDED".equals(state.path("state").asText())) {
                break;
            }
            seconds.add(one.seconds());
        }
        return importResult(state, rows, file.length, seconds, warmup);
    }

    private record Imported(JsonNode state, double seconds) {
    }

    private Imported importOnce(Tokens tokens, String budget, String dept, int year, byte[] file, int rows, boolean xlsx)
            throws Exception {
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        String type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench-"
                + rows + (xlsx ? ".xlsx" : ".csv") + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        String url = budget + "/api/v1/budgets/" + dept + "/" + year + "/imports";
        String token = tokens.get();
        long t0 = System.nanoTime();
        HttpResponse<String> posted = send(token, HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        expect(posted, 202);
        String location = posted.headers().firstValue("Location").orElseThrow();
        URI job = URI.create(budget).resolve(location);
        JsonNode state;
        long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            state = JSON.readTree(expect(send(tokens, HttpRequest.newBuilder(job).GET()), 200));
            String s = state.path("state").asText();
            if (!s.equals("QUEUED") && !s.equals("RUNNING")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("import still " + s + " after 10 minutes");
            }
            // the job has no long poll: its state is read every 10 ms, the row's resolution (docs/benchmarks.md)
            Thread.sleep(10);
        }
        return new Imported(state, (System.nanoTime() - t0) / 1e9);
    }

    private static Map<String, Object> importResult(JsonNode state, int rows, int bytes, List<Double> seconds,
            int warmup) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean ok = "SUCCEEDED".equals(state.path("state").asText()) && !seconds.isEmpty();
        m.put("ok", ok);
        m.put("state", state.path("state").asText());
        m.put("rows", rows);
        m.put("bytes", bytes);
        m.put("warmupImports", warmup);
        if (ok) {
            List<Double> sorted = new ArrayList<>(seconds);
            Collections.sort(sorted);
            double median = sorted.get(sorted.size() / 2);
            m.put("seconds", round(median, 3));
            m.put("rowsPerSec", Math.round(rows / median));
            m.put("allSeconds", seconds.stream().map(x -> round(x, 3)).toList());
        }
        m.put("linesSaved", state.path("summary").path("linesSaved"));
        m.put("linesTotal", state.path("summary").path("linesTotal"));
        m.put("errorCount", state.path("errorCount").asInt());
        if (state.path("errorCount").asInt() > 0) {
            m.put("firstError", state.path("errors").path(0));
        }
        return m;
    }
}
