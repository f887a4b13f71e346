package io.jixiao.report.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The corpus scorer on a tiny corpus of our own (src/test/resources/checker/corpus, invented reports). */
class CorpusScoreTest {

    static List<CorpusScore.Labelled> corpus() throws Exception {
        return CorpusScore.load(dir());
    }

    static Path dir() throws URISyntaxException {
        return Path.of(CorpusScoreTest.class.getResource("/checker/corpus").toURI());
    }

    @Test
    void bothDefectsAreFoundAndNothingElseCounts() throws Exception {
        CorpusScore.Score s = CorpusScore.score(corpus());
        assertEquals(2, s.total().expected, s.log().toString());
        assertEquals(2, s.total().matched, s.log().toString());
        assertEquals(0, s.total().falsePositives, s.log().toString());
        assertEquals(1, s.byKind().get("parts-sum").matched);
        assertEquals(1, s.byRule().get("staff.over-authorized").matched);
        // the missing parts after each excerpt's end are ignored, not counted
        assertEquals(0, s.byRule().get("outline.missing-section").falsePositives);
    }

    /** Wrong labels move the figures: the scorer can fail. */
    @Test
    void aFindingWithoutItsLabelIsAFalsePositiveAndALabelWithoutFindingIsMissed() throws Exception {
        List<CorpusScore.Labelled> c = corpus();
        CorpusScore.Labelled first = c.get(0);
        CorpusScore.Labelled unlabelled = new CorpusScore.Labelled(first.name(), first.text(), List.of(),
                first.mustNotFlag(), first.neutral(), first.reached());
        CorpusScore.Score s = CorpusScore.score(List.of(unlabelled));
        assertEquals(1, s.total().falsePositives, s.log().toString());
        assertEquals(0.0, s.total().precision());

        CorpusScore.Labelled wrongKind = new CorpusScore.Labelled(first.name(), first.text(),
                List.of(new CorpusScore.Item("variance", first.expected().get(0).evidence())), first.mustNotFlag(),
                first.neutral(), first.reached());
        CorpusScore.Score w = CorpusScore.score(List.of(wrongKind));
        assertEquals(0.0, w.total().recall());
        assertEquals(1, w.total().falsePositives);

        // a report read as if it ended in 一、: the missing 二 would count against the checker
        CorpusScore.Labelled third = c.get(2);
        assertEquals(1, third.reached());
        assertEquals(0, CorpusScore.score(List.of(third)).total().falsePositives);
        CorpusScore.Labelled whole = new CorpusScore.Labelled(third.name(), third.text(), List.of(), third.mustNotFlag(),
                List.of(), 6);
        assertEquals(5, CorpusScore.score(List.of(whole)).total().falsePositives);
    }

    @Test
    void excerptEndsAreRead() {
        assertEquals(1, CorpusScore.reached("一、(二)"));
        assertEquals(2, CorpusScore.reached("二、(年度收入情况表头)"));
        assertEquals(1, CorpusScore.reached("1.3"));
        assertEquals(0, CorpusScore.reached("表: 部门总体目标 / 部门职责"));
    }
}
