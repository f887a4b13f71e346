package io.jixiao.evaluation.service;

/**
 * Fired (CDI) in the transaction that stored a newer copy of a department-year's figures from
 * BudgetFiguresChanged; observers that act on it after commit see the copy (the demo loader, DemoEvaluations).
 */
public record SheetReceived(String departmentId, int fiscalYear, long revision) {
}
