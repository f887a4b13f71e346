package io.jixiao.platform.problem;

/** The optimistic-lock rule of every write: the client names the version it read (null = creating). */
public final class Versions {

    private Versions() {
    }

    /** 409 version.conflict unless basedOn is the current version (or both are null: a first save). */
    public static void check(Long basedOn, Long current) {
        if (current == null ? basedOn != null : (basedOn == null || basedOn.longValue() != current.longValue())) {
            throw ProblemException.conflict("version.conflict");
        }
    }
}
