package io.jixiao.budget.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** The lines' total, summed from their printed amounts ("61700.00") as whole fen, exactly. */
final class FenTotal {

    private long fen;
    private BigDecimal beyond = BigDecimal.ZERO; // what no longer fits a long (over 92 trillion 元)

    void add(byte[] bytes, int offset, int length) {
        long value = 0;
        int decimals = -1;
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '.' && decimals < 0) {
                decimals = 0;
            } else if (b >= '0' && b <= '9' && decimals < 2 && value < Long.MAX_VALUE / 100) {
                value = value * 10 + (b - '0');
                decimals += decimals >= 0 ? 1 : 0;
            } else {
                throw notAnAmount(bytes, offset, length);
            }
        }
        if (decimals != 2) {
            throw notAnAmount(bytes, offset, length);
        }
        try {
            fen = Math.addExact(fen, value);
        } catch (ArithmeticException overflow) {
            beyond = beyond.add(BigDecimal.valueOf(fen, 2));
            fen = value;
        }
    }

    private static IllegalStateException notAnAmount(byte[] bytes, int offset, int length) {
        return new IllegalStateException("not an amount with two decimals: " + new String(bytes, offset, length, StandardCharsets.US_ASCII));
    }

    String toPlainString() {
        return beyond.add(BigDecimal.valueOf(fen, 2)).toPlainString();
    }
}
