package io.jixiao.evaluation.service;

import java.util.List;
import java.util.Locale;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.domain.IndicatorValue;
import io.jixiao.evaluation.scoring.Formulas;
import io.jixiao.evaluation.scoring.BudgetSheet;
import io.jixiao.platform.problem.Messages;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * At start: December's and the fourth quarter's share (年底突击花钱) for department-years scored before
 * the shares existed; the district chart reads them for every department-year.
 */
@ApplicationScoped
public class RushShareBackfill {

    private final ScoringService scoring;
    private final IndicatorValueStore values;

    public RushShareBackfill(ScoringService scoring, IndicatorValueStore values) {
        this.scoring = scoring;
        this.values = values;
    }

    void onStart(@Observes StartupEvent event) {
        backfill();
    }

    /**
     * Computes both shares for every department-year of our copy that has none yet. Each copy is locked
     * as a rescore locks it and checked again, so neither a rescore nor another instance doing the same
     * inserts them twice. The next rescore rewrites them with the rest. Returns the department-years filled.
     */
    @Transactional
    public int backfill() {
        List<BudgetSheetCopy.Key> keys = BudgetSheetCopy.<BudgetSheetCopy>list("select c from BudgetSheetCopy c where "
                + "not exists (select v from IndicatorValue v where v.departmentId = c.key.departmentId "
                + "and v.fiscalYear = c.key.fiscalYear and v.code = ?1)", Formulas.DECEMBER_SHARE)
                .stream().map(c -> c.key).toList();
        int filled = 0;
        for (BudgetSheetCopy.Key key : keys) {
            BudgetSheetCopy copy = BudgetSheetCopy.findById(key, LockModeType.PESSIMISTIC_WRITE);
            if (IndicatorValue.count("departmentId = ?1 and fiscalYear = ?2 and code = ?3", key.departmentId(),
                    key.fiscalYear(), Formulas.DECEMBER_SHARE) > 0) {
                continue; // rescored meanwhile
            }
            BudgetSheet sheet = scoring.read(copy.sheet);
            String source = "budget.events r" + copy.revision;
            for (String code : Formulas.RUSH) {
                values.store(new IndicatorValue(), copy, Formulas.compute(code, sheet, source, Messages.ZH),
                        Formulas.compute(code, sheet, source, Locale.ENGLISH));
            }
            filled++;
        }
        return filled;
    }
}
