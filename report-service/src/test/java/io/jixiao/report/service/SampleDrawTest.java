package io.jixiao.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The stratified draw and the re-review flag rules, without a database. */
class SampleDrawTest {

    /** 30 departments: grades 优 ×6, 良 ×12, 中 ×9, 差 ×3; budgets 1..30 万元 (one without figures). */
    static List<SampleDraw.Candidate> population() {
        List<SampleDraw.Candidate> out = new ArrayList<>();
        String[] grades = {"优", "良", "良", "中", "良", "中", "优", "中", "差", "良"};
        for (int i = 1; i <= 30; i++) {
            BigDecimal budget = i == 17 ? null : BigDecimal.valueOf(i * 10_000L).setScale(2);
            out.add(new SampleDraw.Candidate("d%02d".formatted(i), grades[i % grades.length], budget));
        }
        return out;
    }

    static List<String> ids(List<SampleDraw.Drawn> drawn) {
        return drawn.stream().map(SampleDraw.Drawn::departmentId).toList();
    }

    @Test
    void theSameSeedAndPopulationGiveTheSameSampleWhateverTheOrderOfTheRows() {
        List<SampleDraw.Candidate> p = population();
        List<String> first = ids(SampleDraw.draw(p, new BigDecimal("20"), 3, 42L));
        List<SampleDraw.Candidate> shuffled = new ArrayList<>(p);
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(first, ids(SampleDraw.draw(shuffled, new BigDecimal("20"), 3, 42L)));
        assertEquals(6, first.size());
        // another seed draws another sample (for this population and these two seeds)
        assertNotEquals(first, ids(SampleDraw.draw(p, new BigDecimal("20"), 3, 43L)));
    }

    @Test
    void theSizeIsThePercentageRoundedUpAtLeastTheMinimumAtMostThePopulation() {
        assertEquals(7, SampleDraw.size(31, new BigDecimal("20"), 3));   // 6.2 → 7
        assertEquals(3, SampleDraw.size(10, new BigDecimal("10"), 3));   // 1 → the minimum
        assertEquals(4, SampleDraw.size(4, new BigDecimal("50"), 5));    // never more than the population
        assertEquals(1, SampleDraw.size(1, new BigDecimal("0.01"), 1));
    }

    @Test
    void strataShareTheSampleInProportion() {
        List<SampleDraw.Candidate> p = population();
        Map<String, SampleDraw.SizeBand> bands = SampleDraw.bands(p);
        // 29 with figures: ranks 0–9 SMALL, 10–19 MEDIUM, 20–28 LARGE; d17 has none
        assertEquals(SampleDraw.SizeBand.SMALL, bands.get("d01"));
        assertEquals(SampleDraw.SizeBand.SMALL, bands.get("d10"));
        assertEquals(SampleDraw.SizeBand.MEDIUM, bands.get("d11"));
        assertEquals(SampleDraw.SizeBand.LARGE, bands.get("d30"));
        assertEquals(SampleDraw.SizeBand.NONE, bands.get("d17"));

        // half of the population: every stratum gives about half of its members, never more than it has
        List<SampleDraw.Drawn> drawn = SampleDraw.draw(p, new BigDecimal("50"), 1, 99L);
        assertEquals(15, drawn.size());
        Map<String, Long> sizes = p.stream().collect(Collectors.groupingBy(
                c -> c.grade() + "/" + bands.get(c.departmentId()), Collectors.counting()));
        Map<String, Long> taken = drawn.stream().collect(Collectors.groupingBy(SampleDraw.Drawn::stratum, Collectors.counting()));
        for (Map.Entry<String, Long> t : taken.entrySet()) {
            double share = sizes.get(t.getKey()) / 2.0;
            assertTrue(Math.abs(t.getValue() - share) <= 1, t.getKey() + ": " + t.getValue() + " of " + sizes.get(t.getKey()));
        }
        assertEquals(drawn.size(), drawn.stream().map(SampleDraw.Drawn::departmentId).distinct().count());
        assertEquals(SampleDraw.SizeBand.NONE, drawn.stream().filter(d -> d.departmentId().equals("d17")).findFirst()
                .map(SampleDraw.Drawn::band).orElse(SampleDraw.SizeBand.NONE));
    }

    @Test
    void everyMemberCanBeDrawn() {
        // over many seeds a 10 % draw reaches every department at least once (no stratum is starved)
        List<SampleDraw.Candidate> p = population();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (long seed = 0; seed < 400; seed++) {
            seen.addAll(ids(SampleDraw.draw(p, new BigDecimal("10"), 1, seed)));
        }
        assertEquals(30, seen.size());
    }

    @Test
    void theFlagFollowsTheThresholdAndTheTier() {
        BigDecimal ten = BigDecimal.TEN;
        assertFalse(ReReviewRules.totalFlagged(new BigDecimal("10.00"), ten));
        assertTrue(ReReviewRules.totalFlagged(new BigDecimal("10.01"), ten));
        assertTrue(ReReviewRules.totalFlagged(new BigDecimal("-10.50"), ten));
        // tier = 20 % of the points: 8 points → 1.60
        assertEquals(new BigDecimal("1.60"), ReReviewRules.tier(new BigDecimal("8")));
        assertFalse(ReReviewRules.indicatorFlagged(new BigDecimal("1.60"), new BigDecimal("8")));
        assertTrue(ReReviewRules.indicatorFlagged(new BigDecimal("-1.61"), new BigDecimal("8")));
        assertEquals(new BigDecimal("3.50"), ReReviewRules.deviation(new BigDecimal("8.00"), new BigDecimal("4.5")));
    }
}
