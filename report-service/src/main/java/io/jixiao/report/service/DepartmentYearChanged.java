package io.jixiao.report.service;

import io.jixiao.report.domain.BasicExpenditureView;

/**
 * Fired (synchronously, inside the writing transaction) when a department-year's sheet, score,
 * narrative or filing changed: what is derived from all of them, the summary row, is written again.
 */
public record DepartmentYearChanged(BasicExpenditureView.Key key) {
}
