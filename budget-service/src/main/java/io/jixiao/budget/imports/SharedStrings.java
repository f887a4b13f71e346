package io.jixiao.budget.imports;

import java.util.Arrays;

/**
 * The shared strings of a sheet being written: each distinct UTF-8 value gets the next index, the first
 * time it is met. Values are looked up by their bytes, as the database sent them, so a repeated value is
 * never decoded into a String nor encoded again; the table of a 100,000-line sheet holds a few hundred
 * projects and classes. Each index keeps the end of its cell ({@code " t="s"><v>3</v></c>}) ready to copy.
 */
final class SharedStrings {

    private byte[][] keys = new byte[64][];
    private int[] slots = new int[64]; // index + 1 of the value in that slot; 0: empty
    private byte[][] values = new byte[16][];
    private byte[][] cellTails = new byte[16][];
    private int size;
    private long references;

    /**
     * The index of the UTF-8 value in {@code bytes} from {@code offset}, {@code length} bytes long, numbered
     * now if it is new; counts one more cell that refers to it.
     */
    int index(byte[] bytes, int offset, int length) {
        references++;
        int mask = slots.length - 1;
        for (int slot = hash(bytes, offset, offset + length) & mask;; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return add(slot, Arrays.copyOfRange(bytes, offset, offset + length));
            }
            byte[] key = keys[slot];
            if (Arrays.equals(key, 0, key.length, bytes, offset, offset + length)) {
                return entry - 1;
            }
        }
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ h >>> 16;
    }

    /** What follows the cell reference of a cell holding shared string {@code index}. */
    byte[] cellTail(int index) {
        return cellTails[index];
    }

    int size() {
        return size;
    }

    /** The value of {@code index}, UTF-8. */
    byte[] value(int index) {
        return values[index];
    }

    /** Cells that referred to a shared string (the table's {@code count}). */
    long references() {
        return references;
    }

    private int add(int slot, byte[] copy) {
        int index = size++;
        if (index == values.length) {
            values = Arrays.copyOf(values, index * 2);
            cellTails = Arrays.copyOf(cellTails, index * 2);
        }
        values[index] = copy;
        cellTails[index] = SheetXmlBuffer.ascii("\" t=\"s\"><v>" + index + "</v></c>");
        keys[slot] = copy;
        slots[slot] = index + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return index;
    }

    private void rehash() {
        byte[][] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new byte[oldKeys.length * 2][];
        slots = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                int slot = hash(oldKeys[i], 0, oldKeys[i].length) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                slots[slot] = oldSlots[i];
            }
        }
    }
}
