package io.jixiao.bench;

import java.util.Map;

/**
 * The timing half of deploy/bench/run.sh. One sub-command per measurement; each prints ONE JSON line on
 * stdout (figures in ms, seconds, rows/s) and exits non-zero when the measurement itself failed.
 * Everything is timed with System.nanoTime() around complete exchanges (bodies read to the end).
 *
 * <pre>
 *   gen-csv     --rows N --year Y --seed S --out FILE      支出明细 CSV in the import layout (same bytes for COPY and import)
 *   kafka-rtt   --bootstrap H:P --samples N --warmup W     produce→consume round trips on a scratch topic (deleted after)
 *   copy        --jdbc URL --user U --csv FILE --rows N    COPY FROM STDIN / COPY TO STDOUT in a scratch database (dropped after)
 *   export-sql  --jdbc URL --user U --year Y [--dept D] [--rounds N]
 *                                                      the 支出明细 export's own COPY in PostgreSQL alone (its ceiling)
 *   write-score --budget URL --evaluation URL --dept D --year Y --samples N --warmup W --seed S
 *   import      --budget URL --dept D --year Y --csv FILE --rows N [--warmup N] [--repeat N]
 *   get         --url URL --repeat N --warmup W [--csv-rows | --ndjson-rows] [--zip-floor]
 *   paged       --url URL --limit L
 *   batch       --report URL --year Y
 * </pre>
 *
 * HTTP calls log in themselves (tokens renewed every 2 minutes, the realm's tokens live 5): env
 * BENCH_TOKEN_URL and either BENCH_USER + BENCH_PASSWORD (password grant, client jixiao-cli) or
 * BENCH_CLIENT_ID + BENCH_CLIENT_SECRET (client credentials). The database password: env BENCH_DB_PASSWORD.
 */
public final class Driver {


    private Driver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Driver <gen-csv|kafka-rtt|copy|export-sql|write-score|import|get|paged|batch> [--option value ...]");
            System.exit(1);
        }
        Options o = Options.parse(args, 1);
        Anchors anchors = new Anchors(o);
        ApiMeasurements api = new ApiMeasurements(o);
        Map<String, Object> out = switch (args[0]) {
            case "gen-csv" -> anchors.genCsv();
            case "kafka-rtt" -> anchors.kafkaRtt();
            case "copy" -> anchors.copy();
            case "export-sql" -> anchors.exportSql();
            case "write-score" -> api.writeScore();
            case "import" -> new ImportMeasurement(o).run();
            case "get" -> api.get();
            case "paged" -> api.paged();
            case "batch" -> api.batch();
            default -> throw new IllegalArgumentException("unknown sub-command " + args[0]);
        };
        System.out.println(Http.JSON.writeValueAsString(out));
        System.exit(Boolean.FALSE.equals(out.get("ok")) ? 2 : 0);
    }
}
