package io.jixiao.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The timing half of deploy/bench/run.sh. One sub-command per measurement; each prints ONE JSON line on
 * stdout (figures in ms, seconds, rows/s) and exits non-zero when the measurement itself failed.
 * Everything is timed with System.nanoTime() around complete exchanges (bodies read to the end).
 *
 * <pre>
 *   gen-csv     --rows N --year Y --seed S --out FILE      支出明细 CSV in the import layout (same bytes for COPY and import)
 *   kafka-rtt   --bootstrap H:P --samples N --warmup W     produce→consume round trips on a scratch topic (deleted after)
 *   copy        --jdbc URL --user U --csv FILE --rows N    COPY FROM STDIN / COPY TO STDOUT in a scratch database (dropped after)
 *   write-score --budget URL --evaluation URL --dept D --year Y --samples N --warmup W --seed S
 *   import      --budget URL --dept D --year Y --csv FILE --rows N
 *   get         --url URL --repeat N --warmup W [--csv-rows | --ndjson-rows]
 *   paged       --url URL --limit L
 *   batch       --report URL --year Y
 * </pre>
 *
 * HTTP calls log in themselves (tokens renewed every 2 minutes, the realm's tokens live 5): env
 * BENCH_TOKEN_URL and either BENCH_USER + BENCH_PASSWORD (password grant, client jixiao-cli) or
 * BENCH_CLIENT_ID + BENCH_CLIENT_SECRET (client credentials). The database password: env BENCH_DB_PASSWORD.
 */
public final class Driver {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final Map<String, String> opts = new HashMap<>();
    private final List<String> flags = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Driver <gen-csv|kafka-rtt|copy|write-score|import|get|paged|batch> [--option value ...]");
            System.exit(1);
        }
        Driver d = new Driver();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                d.opts.put(args[i].substring(2), args[++i]);
            } else {
                d.flags.add(args[i].substring(2));
            }
        }
        Map<String, Object> out = switch (args[0]) {
            case "gen-csv" -> d.genCsv();
            case "kafka-rtt" -> d.kafkaRtt();
            case "copy" -> d.copy();
            case "write-score" -> d.writeScore();
            case "import" -> d.importCsv();
            case "get" -> d.get();
            case "paged" -> d.paged();
            case "batch" -> d.batch();
            default -> throw new IllegalArgumentException("unknown sub-command " + args[0]);
        };
        System.out.println(JSON.writeValueAsString(out));
        System.exit(Boolean.FALSE.equals(out.get("ok")) ? 2 : 0);
    }

    String opt(String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    int intOpt(String name, int def) {
        return opts.containsKey(name) ? Integer.parseInt(opts.get(name)) : def;
    }

    // ------------------------------------------------------------------------------------ statistics

    /** Nearest-rank percentile of milliseconds. */
    static double percentile(List<Double> ms, double p) {
        if (ms.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(1, Math.min(i, s.size())) - 1);
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    static Map<String, Object> latencies(List<Double> ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", ms.size());
        m.put("p50Ms", round(percentile(ms, 50), 2));
        m.put("p99Ms", round(percentile(ms, 99), 2));
        m.put("maxMs", round(ms.isEmpty() ? Double.NaN : Collections.max(ms), 2));
        return m;
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    // ------------------------------------------------------------------------------------ the rows

    /**
     * 支出明细 in the import's CSV layout (UTF-8 with BOM): all 基本支出, dates inside the year, classes and
     * channels cycling, amounts from a seeded generator (1.01 … 9,999.99 元).
     */
    Map<String, Object> genCsv() throws IOException {
        int rows = Integer.parseInt(opt("rows"));
        int year = Integer.parseInt(opt("year"));
        Random random = new Random(Long.parseLong(opts.getOrDefault("seed", "13")));
        String[] classes = {"办公费", "差旅费", "印刷费", "邮电费", "维修（护）费", "会议费", "培训费", "公务接待费"};
        Path out = Path.of(opt("out"));
        LocalDate start = LocalDate.of(year, 1, 1);
        int days = start.lengthOfYear();
        long cents = 0;
        try (var w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write("序号,支付日期,项目名称,经济分类/用途,支付方式,金额(元),摘要\r\n");
            for (int i = 1; i <= rows; i++) {
                long c = 101 + random.nextInt(999_899);
                cents += c;
                w.write(i + "," + start.plusDays(i % days) + ",基本支出," + classes[i % classes.length] + ","
                        + (i % 4 == 0 ? "财政直接支付" : "单位自有") + "," + (c / 100) + "." + String.format("%02d", c % 100)
                        + ",第 " + i + " 笔支付\r\n");
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("bytes", Files.size(out));
        m.put("totalYuan", cents / 100 + "." + String.format("%02d", cents % 100));
        return m;
    }

    /**
     * Anchor: one record at a time produced to a fresh single-partition topic and awaited by a consumer
     * polling it (acks=all, linger 0, fetch.min.bytes 1); the round trip is send() to the record in hand.
     */
    Map<String, Object> kafkaRtt() throws Exception {
        String bootstrap = opt("bootstrap");
        int samples = intOpt("samples", 200);
        int warmup = intOpt("warmup", 20);
        String topic = "bench.rtt." + UUID.randomUUID();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                return rtt(bootstrap, topic, samples, warmup);
            } finally {
                a.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private Map<String, Object> rtt(String bootstrap, String topic, int samples, int warmup) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        TopicPartition tp = new TopicPartition(topic, 0);
        SynchronousQueue<Long> received = new SynchronousQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Double> ms = new ArrayList<>();
        try (KafkaProducer<Long, Long> producer = new KafkaProducer<>(p, new LongSerializer(), new LongSerializer());
                KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(c, new LongDeserializer(), new LongDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            consumer.poll(Duration.ofMillis(100));
            Thread poller = new Thread(() -> {
                while (!stop.get()) {
                    for (ConsumerRecord<Long, Long> r : consumer.poll(Duration.ofMillis(100))) {
                        try {
                            received.put(r.value());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "rtt-consumer");
            poller.start();
            try {
                for (long i = 0; i < warmup + samples; i++) {
                    long t0 = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, 0, i, i));
                    Long got = received.poll(30, TimeUnit.SECONDS);
                    long t1 = System.nanoTime();
                    if (got == null || got != i) {
                        throw new IllegalStateException("record " + i + " not consumed within 30 s (got " + got + ")");
                    }
                    if (i >= warmup) {
                        ms.add(ms(t1 - t0));
                    }
                }
            } finally {
                stop.set(true);
                poller.join(5000);
            }
        }
        Map<String, Object> m = latencies(ms);
        m.put("topic", topic);
        return m;
    }

    /**
     * Anchor: the same CSV file COPY'd FROM STDIN into a table shaped like spending_line, then COPY'd TO
     * STDOUT, in a scratch database created and dropped here (superuser). Best of three each.
     */
    Map<String, Object> copy() throws Exception {
        String jdbc = opt("jdbc");
        String user = opt("user");
        String password = System.getenv("BENCH_DB_PASSWORD");
        Path csv = Path.of(opt("csv"));
        int rows = Integer.parseInt(opt("rows"));
        int rounds = intOpt("rounds", 3);
        String db = opts.getOrDefault("database", "jixiao_bench_scratch");
        String base = jdbc.endsWith("/") ? jdbc : jdbc + "/";
        try (Connection admin = DriverManager.getConnection(base + "postgres", user, password);
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + db);
            s.execute("create database " + db);
        }
        double bestIn = Double.MAX_VALUE;
        double bestOut = Double.MAX_VALUE;
        long copiedIn = 0;
        long copiedOut = 0;
        try {
            try (Connection c = DriverManager.getConnection(base + db, user, password); Statement s = c.createStatement()) {
                s.execute("""
                        create table spending_line_copy (
                            line_no        integer       not null,
                            paid_on        date          not null,
                            project        varchar(200)  not null,
                            economic_class varchar(100)  not null,
                            channel        varchar(16)   not null,
                            amount         numeric(17,2) not null check (amount >= 0),
                            description    varchar(500))""");
                CopyManager cm = c.unwrap(PGConnection.class).getCopyAPI();
                for (int r = 0; r < rounds; r++) {
                    s.execute("truncate spending_line_copy");
                    long t0 = System.nanoTime();
                    try (Reader in = new BufferedReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8), 1 << 16)) {
                        in.mark(1);
                        if (in.read() != '\uFEFF') {
                            in.reset();
                        }
                        copiedIn = cm.copyIn("copy spending_line_copy from stdin (format csv, header true)", in);
                    }
                    bestIn = Math.min(bestIn, ms(System.nanoTime() - t0));
                }
                s.execute("analyze spending_line_copy");
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    copiedOut = cm.copyOut("copy spending_line_copy to stdout (format csv, header true)", OutputStream.nullOutputStream());
                    bestOut = Math.min(bestOut, ms(System.nanoTime() - t0));
                }
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(base + "postgres", user, password);
                    Statement s = admin.createStatement()) {
                s.execute("drop database if exists " + db);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", copiedIn == rows && copiedOut == rows);
        m.put("rows", rows);
        m.put("copyFromMs", round(bestIn, 1));
        m.put("copyToMs", round(bestOut, 1));
        m.put("copyFromRowsPerSec", Math.round(rows / (bestIn / 1000)));
        m.put("copyToRowsPerSec", Math.round(rows / (bestOut / 1000)));
        return m;
    }

    /**
     * Budget write → new score readable: PUT 基本支出 (a seeded new amount), then GET the score card
     * every 2 ms until its revision reaches the budget revision that write made. That revision is read
     * before the clock starts (the bench's department has no other writer, each write adds one) and
     * checked after each sample, so no read of the sheet sits inside the timed window.
     */
    Map<String, Object> writeScore() throws Exception {
        String budget = opt("budget");
        String evaluation = opt("evaluation");
        String dept = opt("dept");
        int year = Integer.parseInt(opt("year"));
        int samples = intOpt("samples", 100);
        int warmup = intOpt("warmup", 5);
        int pauseMs = intOpt("poll-ms", 2);
        Random random = new Random(Long.parseLong(opts.getOrDefault("seed", "13")));
        Tokens tokens = Tokens.fromEnv();
        String sheetUrl = budget + "/api/v1/budgets/" + dept + "/" + year;
        String basicUrl = sheetUrl + "/basic-expenditure";
        String scoreUrl = evaluation + "/api/v1/evaluations/" + dept + "/" + year;
        List<Double> ms = new ArrayList<>();
        int mismatched = 0;
        for (int i = 0; i < warmup + samples; i++) {
            HttpResponse<String> basic = send(tokens, HttpRequest.newBuilder(URI.create(basicUrl)).GET());
            Long version = basic.statusCode() == 200 ? JSON.readTree(basic.body()).path("version").asLong() : null;
            long rev = revision(tokens, sheetUrl);
            long target = rev + 1;
            long budgetCents = 80_000_000L + random.nextInt(10_000_000);
            String body = "{\"budget\":\"" + budgetCents / 100 + "." + String.format("%02d", budgetCents % 100)
                    + "\",\"actual\":\"70000000.00\",\"version\":" + version + "}";
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(basicUrl))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
            String token = tokens.get(); // outside the clock
            long t0 = System.nanoTime();
            expect(send(token, put), 200);
            long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                HttpResponse<String> score = send(token, HttpRequest.newBuilder(URI.create(scoreUrl)).GET());
                if (score.statusCode() == 200 && JSON.readTree(score.body()).path("revision").asLong(-1) >= target) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("revision " + target + " not scored within 30 s: " + score.statusCode());
                }
                Thread.sleep(pauseMs);
            }
            long t1 = System.nanoTime();
            long after = revision(tokens, sheetUrl);
            if (after != target) {
                mismatched++; // another writer, or a write that made no revision: the sample is not counted
                continue;
            }
            if (i >= warmup) {
                ms.add(ms(t1 - t0));
            }
        }
        Map<String, Object> m = latencies(ms);
        m.put("pollMs", pauseMs);
        m.put("discarded", mismatched);
        m.put("ok", !ms.isEmpty());
        return m;
    }

    /** The sheet's revision; 0 for a year nothing was saved in yet (404). */
    static long revision(Tokens tokens, String sheetUrl) throws Exception {
        HttpResponse<String> r = send(tokens, HttpRequest.newBuilder(URI.create(sheetUrl)).GET());
        if (r.statusCode() == 404) {
            return 0;
        }
        return JSON.readTree(expect(r, 200)).path("revision").asLong(0);
    }

    /** CSV import: multipart upload, then the job polled every 50 ms until it ends; upload → SUCCEEDED. */
    Map<String, Object> importCsv() throws Exception {
        String budget = opt("budget");
        String dept = opt("dept");
        int year = Integer.parseInt(opt("year"));
        Path csv = Path.of(opt("csv"));
        int rows = Integer.parseInt(opt("rows"));
        Tokens tokens = Tokens.fromEnv();
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        byte[] file = Files.readAllBytes(csv);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench-"
                + rows + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
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
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", "SUCCEEDED".equals(state.path("state").asText()));
        m.put("state", state.path("state").asText());
        m.put("rows", rows);
        m.put("bytes", file.length);
        m.put("seconds", round(seconds, 3));
        m.put("rowsPerSec", Math.round(rows / seconds));
        m.put("linesSaved", state.path("summary").path("linesSaved"));
        m.put("errorCount", state.path("errorCount").asInt());
        if (state.path("errorCount").asInt() > 0) {
            m.put("firstError", state.path("errors").path(0));
        }
        return m;
    }

    /** A download timed to its last byte, repeated: p50/p99, its size, and for CSV its data rows. */
    Map<String, Object> get() throws Exception {
        String url = opt("url");
        int repeat = intOpt("repeat", 1);
        int warmup = intOpt("warmup", 0);
        boolean csvRows = flags.contains("csv-rows");
        boolean ndjsonRows = flags.contains("ndjson-rows");
        boolean countLines = csvRows || ndjsonRows;
        int headerLines = csvRows ? 1 : 0;
        Tokens tokens = Tokens.fromEnv();
        List<Double> ms = new ArrayList<>();
        long bytes = 0;
        long lines = 0;
        int status = 0;
        for (int i = 0; i < warmup + repeat; i++) {
            String token = tokens.get();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            long t0 = System.nanoTime();
            HttpResponse<InputStream> r = HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            long n = 0;
            long nl = 0;
            try (InputStream in = r.body()) {
                byte[] buf = new byte[1 << 16];
                int read;
                while ((read = in.read(buf)) > 0) {
                    n += read;
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
            if (i >= warmup) {
                ms.add(ms(t1 - t0));
            }
        }
        Map<String, Object> m = latencies(ms);
        m.put("ok", status == 200);
        m.put("status", status);
        m.put("bytes", bytes);
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
        String url = opt("url");
        int limit = intOpt("limit", 1000);
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
        String report = opt("report");
        int year = Integer.parseInt(opt("year"));
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

    // ---------------------------------------------------------------------------------------- HTTP

    static HttpResponse<String> send(Tokens tokens, HttpRequest.Builder b) throws IOException, InterruptedException {
        return send(tokens.get(), b);
    }

    static HttpResponse<String> send(String token, HttpRequest.Builder b) throws IOException, InterruptedException {
        b.timeout(Duration.ofMinutes(2)).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            String body = r.body() == null ? "" : r.body();
            throw new IllegalStateException(r.request().method() + " " + r.uri() + ": " + r.statusCode() + " (expected "
                    + status + ") " + body.substring(0, Math.min(400, body.length())));
        }
        return r.body();
    }

    /** Keycloak tokens from the environment, renewed after two minutes (they live five). */
    static final class Tokens {
        private final String url;
        private final String form;
        private String token;
        private long fetchedAt;

        private Tokens(String url, String form) {
            this.url = url;
            this.form = form;
        }

        static Tokens fromEnv() {
            String url = System.getenv("BENCH_TOKEN_URL");
            if (url == null) {
                return new Tokens(null, null);
            }
            String form;
            if (System.getenv("BENCH_CLIENT_SECRET") != null) {
                form = "grant_type=client_credentials&client_id=" + enc(System.getenv("BENCH_CLIENT_ID"))
                        + "&client_secret=" + enc(System.getenv("BENCH_CLIENT_SECRET"));
            } else {
                form = "grant_type=password&client_id=jixiao-cli&scope=openid&username=" + enc(System.getenv("BENCH_USER"))
                        + "&password=" + enc(System.getenv("BENCH_PASSWORD"));
            }
            return new Tokens(url, form);
        }

        static String enc(String s) {
            return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
        }

        String get() throws IOException, InterruptedException {
            if (url == null) {
                return null;
            }
            if (token == null || System.nanoTime() - fetchedAt > TimeUnit.MINUTES.toNanos(2)) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.ofString());
                token = JSON.readTree(expect(r, 200)).path("access_token").asText();
                fetchedAt = System.nanoTime();
            }
            return token;
        }
    }
}
