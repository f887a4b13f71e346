package io.jixiao.budget.imports;

import java.util.ArrayList;
import java.util.List;

import io.jixiao.budget.imports.ImportLayout.Kind;

/** The errors of one import: the first few hundred kept for the clerk, all counted. */
public final class ImportErrors {
    public record Error(String sheet, int row, String column, String header, String code, List<String> args) {
    }

    private final int keep;
    private final List<Error> kept = new ArrayList<>();
    private int count;

    public ImportErrors(int keep) {
        this.keep = keep;
    }

    public void add(Kind kind, int row, int column, String header, String code, String... args) {
        count++;
        if (kept.size() < keep) {
            // a value quoted back to the clerk is shortened: a cell may hold 32,767 characters
            kept.add(new Error(kind.sheetName, row, column < 0 ? null : ImportLayout.columnLetter(column), header,
                    code, java.util.Arrays.stream(args).map(a -> a != null && a.length() > 60 ? a.substring(0, 57) + "…" : a)
                            .toList()));
        }
    }

    public int count() {
        return count;
    }

    public List<Error> kept() {
        return kept;
    }
}
