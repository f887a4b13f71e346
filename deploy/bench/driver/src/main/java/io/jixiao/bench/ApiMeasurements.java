package io.jixiao.bench;

import static io.jixiao.bench.Stats.*;
import static io.jixiao.bench.Http.*;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/** Measurements through the services' HTTP API: write → score, import, downloads, paging, a report batch. */
final class ApiMeasurements {

    private final Options o;

    ApiMeasurements(Options o) {
        this.o = o;
    }

    /**
     * Budget write → new score readable: PUT 基本支出 (a seeded new amount), then GET the score card with
     * If-None-Match and {@code Prefer: wait=10} (answered when the card changes) until its revision reaches
     * the budget revision that write made. That revision is read
     * before the clock starts (the bench's department has no other writer, each write adds one) and
     * checked after each sample, so no read of the sheet sits inside the timed window.
     *
     * <p>Measured in the JIT-compiled steady state, as the API reads are: warm-up windows of
     * {@code --warmup} writes, at least {@code --warmup-min-windows}, until two in a row agree on the
     * median within 5 %, the API and download rows' rule (at most {@code --warmup-windows}). A write path
     * exercised a few hundred times is still partly interpreted or in C1: its medians sit on a plateau
     * (about 47 ms after 75 writes on a fresh stack, 20 ms after a thousand) that two short windows
     * mistake for the steady state. Within 10 % stopped while the medians still fell by 8 % a window
     * (42.9, 35.5, 31.1, 28.7 ms in a run of b4240e2). The full run asks for at least 14 windows of 250:
     * on a restarted stack the medians fell for 3,000 writes (73, 45, 37, 33, 29, 26, 24, 23, 22, 24,
     * 21, 20, 19, 19 ms), and two windows agreed within 5 % already at 23 ms.
     */
    Map<String, Object> writeScore() throws Exception {
        WriteScore run = new WriteScore(o);
        int window = o.intOpt("warmup", 25);
        int minWindows = o.intOpt("warmup-min-windows", 1);
        int maxWindows = o.intOpt("warmup-windows", 12);
        List<Double> windowP50 = new ArrayList<>();
        int warmupSamples = 0;
        for (int w = 0; w < maxWindows; w++) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < window; i++) {
                Sample s = run.sample();
                warmupSamples++;
                if (s != null) {
                    ms.add(s.totalMs());
                }
            }
            windowP50.add(round(percentile(ms, 50), 2));
            int n = windowP50.size();
            if (n >= Math.max(2, minWindows)
                    && Math.abs(windowP50.get(n - 1) - windowP50.get(n - 2)) <= 0.05 * windowP50.get(n - 2)) {
                break;
            }
        }
        int samples = o.intOpt("samples", 100);
        List<Double> ms = new ArrayList<>();
        List<Double> putMs = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            Sample s = run.sample();
            if (s != null) {
                ms.add(s.totalMs());
                putMs.add(s.putMs());
            }
        }
        Map<String, Object> m = latencies(ms);
        m.put("put", latencies(putMs)); // of which the PUT itself (budget-service's transaction and answer)
        m.put("longPoll", true); // Prefer: wait; pollMs only when a service answers without waiting
        m.put("pollMs", run.pauseMs);
        m.put("warmupSamples", warmupSamples);
        m.put("warmupWindowP50Ms", windowP50);
        m.put("discarded", run.mismatched);
        m.put("ok", !ms.isEmpty());
        return m;
    }

    /** One write → score sample: the whole time and the PUT's share. */
    record Sample(double totalMs, double putMs) {
    }

    /** The write → score loop's state: URLs, token, the ETag held, the seeded amounts. */
    private static final class WriteScore {
        final String sheetUrl;
        final String basicUrl;
        final String scoreUrl;
        final int pauseMs;
        final Random random;
        final Tokens tokens;
        String etag;
        int mismatched;

        WriteScore(Options o) {
            String dept = o.opt("dept");
            int year = Integer.parseInt(o.opt("year"));
            sheetUrl = o.opt("budget") + "/api/v1/budgets/" + dept + "/" + year;
            basicUrl = sheetUrl + "/basic-expenditure";
            scoreUrl = o.opt("evaluation") + "/api/v1/evaluations/" + dept + "/" + year;
            pauseMs = o.intOpt("poll-ms", 2);
            random = new Random(Long.parseLong(o.getOrDefault("seed", "13")));
            tokens = Tokens.fromEnv();
        }

        /** Null when the revision moved by more than this write (another writer): not counted. */
        Sample sample() throws Exception {
            HttpResponse<String> basic = send(tokens, HttpRequest.newBuilder(URI.create(basicUrl)).GET());
            Long version = basic.statusCode() == 200 ? JSON.readTree(basic.body()).path("version").asLong() : null;
            long target = revision(tokens, sheetUrl) + 1;
            long budgetCents = 80_000_000L + random.nextInt(10_000_000);
            String body = "{\"budget\":\"" + budgetCents / 100 + "." + String.format("%02d", budgetCents % 100)
                    + "\",\"actual\":\"70000000.00\",\"version\":" + version + "}";
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(basicUrl))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
            String token = tokens.get(); // outside the clock
            long t0 = System.nanoTime();
            expect(send(token, put), 200);
            long tPut = System.nanoTime();
            long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                // as a client following the card does: with the ETag it holds and Prefer: wait, the answer comes
                // when the card changes (a long poll; no request every few ms to load the service)
                HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(scoreUrl)).GET();
                if (etag != null) {
                    get.header("If-None-Match", etag).header("Prefer", "wait=10");
                }
                HttpResponse<String> score = send(token, get);
                if (score.statusCode() == 200) {
                    etag = score.headers().firstValue("ETag").orElse(null);
                    if (JSON.readTree(score.body()).path("revision").asLong(-1) >= target) {
                        break;
                    }
                } else if (score.headers().firstValue("Preference-Applied").isEmpty()) {
                    Thread.sleep(pauseMs); // the service answered without waiting (its cache is reconnecting): poll
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("revision " + target + " not scored within 30 s: " + score.statusCode());
                }
            }
            long t1 = System.nanoTime();
            if (revision(tokens, sheetUrl) != target) {
                mismatched++; // another writer, or a write that made no revision
                return null;
            }
            return new Sample(ms(t1 - t0), ms(tPut - t0));
        }
    }

    /** The sheet's revision; 0 for a year nothing was saved in yet (404). */
    static long revision(Tokens tokens, String sheetUrl) throws Exception {
        HttpResponse<String> r = send(tokens, HttpRequest.newBuilder(URI.create(sheetUrl)).GET());
        if (r.statusCode() == 404) {
            return 0;
        }
        return JSON.readTree(expect(r, 200)).path("revision").asLong(0);
    }

    /**
     * A download timed to its last byte, repeated: p50/p99, its size, and for CSV its data rows. Measured in
     * the steady state, as the API reads are: warm-up windows of {@code --warmup} downloads until two in a
     * row agree on the median within 5 % (at most {@code --warmup-windows}, default 1: one window). A path
     * whose loop runs 100,000 times per download keeps getting faster for a few dozen downloads while the
     * JIT recompiles it.
     */
    Map<String, Object> get() throws Exception {
        String url = o.opt("url");
        int repeat = o.intOpt("repeat", 1);
        int warmup = o.intOpt("warmup", 0);
        int warmupWindows = o.intOpt("warmup-windows", 1);
        boolean csvRows = o.flag("csv-rows");
        boolean ndjsonRows = o.flag("ndjson-rows");
        boolean countLines = csvRows || ndjsonRows;
        boolean zipFloor = o.flag("zip-floor"); // keep the last body and measure ZipFloor on it
        String save = o.getOrDefault("save", null); // and/or write it to this file
        int headerLines = csvRows ? 1 : 0;
        Tokens tokens = Tokens.fromEnv();
        List<Double> ms = new ArrayList<>();
        long bytes = 0;
        long lines = 0;
        int status = 0;
        java.io.ByteArrayOutputStream last = null;
        List<Double> windowP50 = new ArrayList<>();
        List<Double> window = new ArrayList<>();
        int warmed = 0;
        while (warmed < warmup * warmupWindows || ms.size() < repeat) {
            String token = tokens.get();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            long t0 = System.nanoTime();
            HttpResponse<InputStream> r = HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            long n = 0;
            long nl = 0;
            java.io.ByteArrayOutputStream kept = zipFloor || save != null ? new java.io.ByteArrayOutputStream() : null;
            try (InputStream in = r.body()) {
                byte[] buf = new byte[1 << 16];
                int read;
                while ((read = in.read(buf)) > 0) {
                    n += read;
                    if (kept != null) {
                        kept.write(buf, 0, read);
                    }
                    if (countLines) {
                        for (int k = 0; k < read; k++) {
                            if (buf[k] == '\n') {
                                nl++;
                            }
                        }
                    }
                }
            }
            long t1 = System.nanoTime();
            status = r.statusCode();
            if (status != 200) {
                break;
            }
            bytes = n;
            lines = nl;
            last = kept;
            if (warmed < warmup * warmupWindows) {
                window.add(ms(t1 - t0));
                warmed++;
                if (window.size() == warmup) {
                    windowP50.add(round(percentile(window, 50), 2));
                    window.clear();
                    int w = windowP50.size();
                    if (w >= 2 && Math.abs(windowP50.get(w - 1) - windowP50.get(w - 2)) <= 0.05 * windowP50.get(w - 2)) {
                        warmed = warmup * warmupWindows; // steady: measure from here
                    }
                }
            } else {
                ms.add(ms(t1 - t0));
            }
        }
        Map<String, Object> m = latencies(ms);
        m.put("ok", status == 200);
        m.put("status", status);
        m.put("bytes", bytes);
        m.put("warmupWindowP50Ms", windowP50);
        if (last != null && status == 200 && zipFloor) {
            m.put("zipFloor", ZipFloor.measure(last.toByteArray(), 3));
        }
        if (last != null && status == 200 && save != null) {
            Files.write(Path.of(save), last.toByteArray());
        }
        if (countLines) {
            long rows = Math.max(0, lines - headerLines); // CSV has a header line, NDJSON none
            m.put("rows", rows);
            double p50 = percentile(ms, 50);
            m.put("rowsPerSec", Math.round(rows / (p50 / 1000)));
        }
        return m;
    }

    /** Every 支出明细 of a year through the paged JSON API (largest page), following nextCursor. */
    Map<String, Object> paged() throws Exception {
        String url = o.opt("url");
        int limit = o.intOpt("limit", 1000);
        Tokens tokens = Tokens.fromEnv();
        long rows = 0;
        int pages = 0;
        String cursor = null;
        long t0 = System.nanoTime();
        do {
            String u = url + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = JSON.readTree(expect(send(tokens, HttpRequest.newBuilder(URI.create(u)).GET()), 200));
            rows += page.path("items").size();
            pages++;
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("pages", pages);
        m.put("seconds", round(seconds, 3));
        m.put("rowsPerSec", Math.round(rows / seconds));
        return m;
    }

    /** A report batch of a year (reviewer): POST, then its progress every 100 ms until it ends. */
    Map<String, Object> batch() throws Exception {
        String report = o.opt("report");
        int year = Integer.parseInt(o.opt("year"));
        Tokens tokens = Tokens.fromEnv();
        String token = tokens.get();
        long t0 = System.nanoTime();
        HttpResponse<String> posted = send(token, HttpRequest.newBuilder(URI.create(report + "/api/v1/reports/batches?fiscalYear=" + year))
                .POST(HttpRequest.BodyPublishers.noBody()));
        JsonNode p = JSON.readTree(expect(posted, 202));
        URI job = URI.create(report + "/api/v1/reports/batches/" + p.path("id").asText());
        long deadline = t0 + TimeUnit.MINUTES.toNanos(15);
        while (p.path("status").asText().equals("RUNNING")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("batch still running after 15 minutes");
            }
            Thread.sleep(100);
            p = JSON.readTree(expect(send(tokens, HttpRequest.newBuilder(job).GET()), 200));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", "DONE".equals(p.path("status").asText()));
        m.put("status", p.path("status").asText());
        m.put("total", p.path("total").asInt());
        m.put("done", p.path("done").asInt());
        m.put("failed", p.path("failed").asInt());
        m.put("seconds", round(seconds, 3));
        return m;
    }
}
