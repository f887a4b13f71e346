package io.jixiao.report.checker;

import java.util.List;

/**
 * Open-addressing index of fixed-length windows: a rolling hash as the key and the window's first
 * place (paragraph, offset) as the value, checked against the text on every hit so a hash collision is
 * never reported as a repeat. Bounded: once full, later windows are still looked up but no longer
 * remembered.
 */
final class RepeatIndex {
    private static final long BASE = 0x9E3779B97F4A7C15L | 1;

    private final int window;
    private final long top;
    private final long[] keys;
    private final int[] paragraphs; // paragraph index + 1; 0 = empty slot
    private final int[] offsets;
    private final int limit;
    private int size;

    RepeatIndex(int expected, int window) {
        this.window = window;
        long t = 1;
        for (int i = 0; i < window - 1; i++) {
            t *= BASE;
        }
        this.top = t;
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        keys = new long[capacity];
        paragraphs = new int[capacity];
        offsets = new int[capacity];
        limit = Math.max(1, expected);
    }

    static long hash(String s, int from, int window) {
        long h = 0;
        for (int i = from; i < from + window; i++) {
            h = h * BASE + s.charAt(i);
        }
        return h;
    }

    long roll(long h, char out, char in) {
        return (h - out * top) * BASE + in;
    }

    /** The first place of the window of s at k as paragraph << 32 | offset, or -1. */
    long find(long key, List<String> texts, String s, int k) {
        int mask = keys.length - 1;
        for (int slot = (int) mix(key) & mask; paragraphs[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == key && texts.get(paragraphs[slot] - 1).regionMatches(offsets[slot], s, k, window)) {
                return ((long) (paragraphs[slot] - 1) << 32) | offsets[slot];
            }
        }
        return -1;
    }

    /** Remembers every window of s (paragraph j) until the index is full. */
    void addAll(List<String> texts, String s, int j) {
        if (s.length() < window) {
            return;
        }
        long h = hash(s, 0, window);
        for (int k = 0; k + window <= s.length() && size < limit; k++) {
            if (k > 0) {
                h = roll(h, s.charAt(k - 1), s.charAt(k + window - 1));
            }
            addIfAbsent(h, texts, s, j, k);
        }
    }

    private void addIfAbsent(long key, List<String> texts, String s, int paragraph, int k) {
        int mask = keys.length - 1;
        int slot = (int) mix(key) & mask;
        for (; paragraphs[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == key && texts.get(paragraphs[slot] - 1).regionMatches(offsets[slot], s, k, window)) {
                return;
            }
        }
        keys[slot] = key;
        paragraphs[slot] = paragraph + 1;
        offsets[slot] = k;
        size++;
    }

    private static long mix(long key) {
        long x = key ^ (key >>> 31);
        x *= 0xBF58476D1CE4E5B9L;
        return x ^ (x >>> 29);
    }
}
