package io.jixiao.report.assembly;

/**
 * The 公文 page both renderers lay out (GB/T 9704 proportions): A4, margins 37 mm top, 35 mm bottom,
 * 28 mm left, 26 mm right, body at 三号 (16 pt) on fixed 28 pt lines. The PDF works in points, the
 * DOCX in twips (1/20 pt); both take their numbers from here so the two files keep the same page.
 */
final class PageGeometry {

    static final int A4_WIDTH_MM = 210;
    static final int A4_HEIGHT_MM = 297;
    static final int TOP_MM = 37;
    static final int BOTTOM_MM = 35;
    static final int LEFT_MM = 28;
    static final int RIGHT_MM = 26;
    /** 三号 */
    static final float BODY_PT = 16f;
    /** fixed line pitch of the body */
    static final float LINE_PT = 28f;

    /** Points per millimetre (72 per inch). */
    static final float MM = 72f / 25.4f;
    static final float PAGE_W = A4_WIDTH_MM * MM;
    static final float PAGE_H = A4_HEIGHT_MM * MM;
    static final float TOP = TOP_MM * MM;
    static final float BOTTOM = BOTTOM_MM * MM;
    static final float LEFT = LEFT_MM * MM;
    static final float RIGHT = RIGHT_MM * MM;
    static final float TEXT_WIDTH = PAGE_W - LEFT - RIGHT;

    /** Twips per millimetre, as Word counts them (1440 per inch, rounded down). */
    static final int TWIPS_PER_MM = 1440 * 10 / 254;
    /** A4 in twips, the values Word itself writes for the paper size. */
    static final int A4_WIDTH_TWIPS = 11906;
    static final int A4_HEIGHT_TWIPS = 16838;
    static final int TEXT_WIDTH_TWIPS = A4_WIDTH_TWIPS - (LEFT_MM + RIGHT_MM) * TWIPS_PER_MM;

    private PageGeometry() {
    }
}
