package io.jixiao.bench;

import static io.jixiao.bench.Stats.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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

import io.jixiao.budget.service.SpendingLineExportQuery;
import org.postgresql.copy.CopyManager;

/**
 * The anchors: what the machine itself does without the services (CSV generation, a Kafka round trip,
 * PostgreSQL COPY), the yardsticks the API figures are read against.
 */
final class Anchors {

    private final Options o;

    Anchors(Options o) {
        this.o = o;
    }

    /**
     * 支出明细 in the import's CSV layout (UTF-8 with BOM): all 基本支出, dates inside the year, classes and
     * channels cycling, amounts from a seeded generator (1.01 … 9,999.99 元).
     */
    Map<String, Object> genCsv() throws IOException {
        int rows = Integer.parseInt(o.opt("rows"));
        int year = Integer.parseInt(o.opt("year"));
        Random random = new Random(Long.parseLong(o.getOrDefault("seed", "13")));
        String[] classes = {"办公费", "差旅费", "印刷费", "邮电费", "维修（护）费", "会议费", "培训费", "公务接待费"};
        Path out = Path.of(o.opt("out"));
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
        String bootstrap = o.opt("bootstrap");
        int samples = o.intOpt("samples", 200);
        int warmup = o.intOpt("warmup", 20);
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
     * STDOUT, in a scratch database created and dropped here (superuser). Best of three each. Also the
     * import's ceiling: the same COPY into a table that has spending_line's primary key.
     */
    Map<String, Object> copy() throws Exception {
        String jdbc = o.opt("jdbc");
        String user = o.opt("user");
        String password = System.getenv("BENCH_DB_PASSWORD");
        Path csv = Path.of(o.opt("csv"));
        int rows = Integer.parseInt(o.opt("rows"));
        int rounds = o.intOpt("rounds", 3);
        String db = o.getOrDefault("database", "jixiao_bench_scratch");
        String base = jdbc.endsWith("/") ? jdbc : jdbc + "/";
        try (Connection admin = DriverManager.getConnection(base + "postgres", user, password);
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + db);
            s.execute("create database " + db);
        }
        double bestIn = Double.MAX_VALUE;
        double bestOut = Double.MAX_VALUE;
        double bestKeyed = Double.MAX_VALUE;
        long copiedIn = 0;
        long copiedOut = 0;
        long copiedKeyed = 0;
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
                    copiedIn = copyFile(cm, "copy spending_line_copy from stdin (format csv, header true)", csv);
                    bestIn = Math.min(bestIn, ms(System.nanoTime() - t0));
                }
                // the import's ceiling: the same COPY into a table with spending_line's primary key (its one
                // index: department, year, identity) and defaults for the columns the import fills itself
                s.execute("""
                        create table spending_line_keyed (
                            id             bigint generated always as identity (cache 1000),
                            department_id  varchar(64)   not null default 'bench',
                            fiscal_year    integer       not null default 2024,
                            line_no        integer       not null,
                            paid_on        date          not null,
                            project        varchar(200)  not null,
                            economic_class varchar(100)  not null,
                            channel        varchar(16)   not null,
                            amount         numeric(17,2) not null check (amount >= 0),
                            description    varchar(500),
                            primary key (department_id, fiscal_year, id))""");
                for (int r = 0; r < rounds; r++) {
                    s.execute("truncate spending_line_keyed");
                    long t0 = System.nanoTime();
                    copiedKeyed = copyFile(cm, "copy spending_line_keyed (line_no, paid_on, project, economic_class, "
                            + "channel, amount, description) from stdin (format csv, header true)", csv);
                    bestKeyed = Math.min(bestKeyed, ms(System.nanoTime() - t0));
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
        m.put("ok", copiedIn == rows && copiedOut == rows && copiedKeyed == rows);
        m.put("rows", rows);
        m.put("copyFromMs", round(bestIn, 1));
        m.put("copyToMs", round(bestOut, 1));
        m.put("copyFromRowsPerSec", Math.round(rows / (bestIn / 1000)));
        m.put("copyToRowsPerSec", Math.round(rows / (bestOut / 1000)));
        m.put("copyFromKeyedMs", round(bestKeyed, 1));
        m.put("copyFromKeyedRowsPerSec", Math.round(rows / (bestKeyed / 1000)));
        return m;
    }

    /**
     * The exports' ceiling: the export's own statement ({@link SpendingLineExportQuery}, the class the service
     * runs: the rows with their names, bare columns, for CSV and NDJSON alike) in PostgreSQL alone, its output
     * dropped, best of {@code --rounds}. Read-only, on the service's own database.
     */
    Map<String, Object> exportSql() throws Exception {
        String dept = o.getOrDefault("dept", null);
        int year = Integer.parseInt(o.opt("year"));
        int rounds = o.intOpt("rounds", 3);
        String sql = SpendingLineExportQuery.copy(year, dept, null);
        Map<String, Object> m = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(o.opt("jdbc"), o.opt("user"), System.getenv("BENCH_DB_PASSWORD"))) {
            c.setReadOnly(true);
            long[] rows = new long[1];
            double best = bestCopyOut(c.unwrap(PGConnection.class).getCopyAPI(), sql, rounds, rows);
            m.put("ok", rows[0] > 0);
            m.put("rows", rows[0]);
            m.put("ms", round(best, 1));
            m.put("rowsPerSec", Math.round(rows[0] / (best / 1000)));
        }
        return m;
    }

    /** The best time of {@code rounds} COPY … TO STDOUT into nothing, after one untimed round (pages cached). */
    private static double bestCopyOut(CopyManager cm, String sql, int rounds, long[] rows) throws Exception {
        double best = Double.MAX_VALUE;
        for (int r = 0; r <= rounds; r++) {
            long t0 = System.nanoTime();
            rows[0] = cm.copyOut(sql, OutputStream.nullOutputStream());
            if (r > 0) {
                best = Math.min(best, ms(System.nanoTime() - t0));
            }
        }
        return best;
    }

    /** COPY … FROM STDIN of a UTF-8 CSV file (its BOM, if any, left out); the rows copied. */
    private static long copyFile(CopyManager cm, String sql, Path csv) throws Exception {
        try (Reader in = new BufferedReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8), 1 << 16)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            return cm.copyIn(sql, in);
        }
    }
}
