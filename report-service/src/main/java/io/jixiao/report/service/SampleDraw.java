package io.jixiao.report.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * 抽查: the stratified draw of a round's sample, without a database. Strata are grade (优/良/中/差 of the
 * score card, 无 without one) by budget size (the population's terciles of the year's total budget, NONE
 * without figures). The sample size is the percentage of the population rounded up, at least the minimum,
 * at most the population; it is shared out in proportion to the strata (see allocate) and drawn in
 * each stratum with one SplittableRandom of the seed over lists sorted by department id, so the same seed
 * and population always give the same sample, whatever order the rows came in.
 */
public final class SampleDraw {

    public enum SizeBand { SMALL, MEDIUM, LARGE, NONE }

    /** A submitted or approved filing of the round. budget in 元 (null: no figures); grade null: no score card. */
    public record Candidate(String departmentId, String grade, BigDecimal budget) {
    }

    public record Drawn(String departmentId, String grade, SizeBand band) {
        public String stratum() {
            return grade + "/" + band;
        }
    }

    private SampleDraw() {
    }

    /** The number drawn at random: ceil(population × percentage / 100), at least minimum, at most the population. */
    public static int size(int population, BigDecimal percentage, int minimum) {
        int byShare = BigDecimal.valueOf(population).multiply(percentage)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValueExact();
        return Math.min(population, Math.max(byShare, minimum));
    }

    /** Each candidate's budget band: terciles by rank of budget (ties by id); no figures → NONE. */
    public static Map<String, SizeBand> bands(List<Candidate> population) {
        List<Candidate> withBudget = population.stream().filter(c -> c.budget() != null)
                .sorted(Comparator.comparing(Candidate::budget).thenComparing(Candidate::departmentId)).toList();
        Map<String, SizeBand> out = new TreeMap<>();
        int n = withBudget.size();
        for (int i = 0; i < n; i++) {
            out.put(withBudget.get(i).departmentId(), SizeBand.values()[i * 3 / n]);
        }
        population.stream().filter(c -> c.budget() == null).forEach(c -> out.put(c.departmentId(), SizeBand.NONE));
        return out;
    }

    /** The random part of the sample, sorted by stratum then department id. */
    public static List<Drawn> draw(List<Candidate> population, BigDecimal percentage, int minimum, long seed) {
        Map<String, SizeBand> bands = bands(population);
        // strata in a fixed order, each a list sorted by id: the input order never matters
        TreeMap<String, List<Drawn>> strata = new TreeMap<>();
        population.stream().sorted(Comparator.comparing(Candidate::departmentId)).forEach(c -> {
            Drawn d = new Drawn(c.departmentId(), c.grade() == null ? "无" : c.grade(), bands.get(c.departmentId()));
            strata.computeIfAbsent(d.stratum(), k -> new ArrayList<>()).add(d);
        });
        int total = population.size();
        int size = size(total, percentage, minimum);
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Integer> quota = allocate(strata, total, size, random);
        List<Drawn> out = new ArrayList<>();
        for (Map.Entry<String, List<Drawn>> s : strata.entrySet()) {
            List<Drawn> pool = new ArrayList<>(s.getValue());
            int k = quota.get(s.getKey());
            // partial Fisher–Yates: the first k places are a uniform draw without replacement
            for (int i = 0; i < k; i++) {
                int j = i + random.nextInt(pool.size() - i);
                Drawn t = pool.get(i);
                pool.set(i, pool.get(j));
                pool.set(j, t);
            }
            pool.subList(0, k).stream().sorted(Comparator.comparing(Drawn::departmentId)).forEach(out::add);
        }
        return out;
    }

    /**
     * Each stratum gets the whole part of its proportional share; the seats left go to strata drawn with
     * weights equal to their fractional parts (without replacement). So the expected allocation is exactly
     * proportional and a stratum too small for a whole seat still has its chance (a fixed rule, e.g. the
     * largest remainders, would never sample the smallest strata).
     */
    static Map<String, Integer> allocate(TreeMap<String, List<Drawn>> strata, int total, int size, SplittableRandom random) {
        Map<String, Integer> quota = new TreeMap<>();
        List<Map.Entry<String, Long>> remainders = new ArrayList<>();
        int given = 0;
        for (Map.Entry<String, List<Drawn>> s : strata.entrySet()) {
            long exact = (long) size * s.getValue().size(); // share × total, kept in integers
            int whole = (int) (exact / total);
            quota.put(s.getKey(), whole);
            given += whole;
            if (exact % total > 0) {
                remainders.add(Map.entry(s.getKey(), exact % total));
            }
        }
        for (; given < size; given++) {
            long sum = remainders.stream().mapToLong(Map.Entry::getValue).sum();
            long at = random.nextLong(sum);
            int i = 0;
            while (at >= remainders.get(i).getValue()) {
                at -= remainders.get(i).getValue();
                i++;
            }
            quota.merge(remainders.remove(i).getKey(), 1, Integer::sum);
        }
        return quota;
    }
}
