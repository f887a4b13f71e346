package io.jixiao.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures every measurement reports: latencies in ms, nearest-rank percentiles. */
final class Stats {

    private Stats() {
    }

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
}
