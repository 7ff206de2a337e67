package org.reliefclearance.enginetuning;

import java.util.function.Supplier;

/**
 * Rules evaluated to answer a question (a case page, the documents checklist, the public
 * requirements lookup), not to decide a case: at the {@code audit-trail} history level the engine
 * keeps no decision history of them (README, "Performance"). What a case was decided by (its
 * classification, eligibility, deadlines, priorities, risk) is evaluated outside this scope and kept.
 * Without it, every read of a case wrote its rules' inputs and outputs again, and an anonymous
 * lookup wrote rows too.
 */
public final class RuleLookups {

    private static final ThreadLocal<Boolean> LOOKING_UP = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private RuleLookups() {
    }

    /** Runs {@code evaluation} (on this thread) as a lookup. */
    public static <T> T lookUp(Supplier<T> evaluation) {
        boolean outer = LOOKING_UP.get();
        LOOKING_UP.set(Boolean.TRUE);
        try {
            return evaluation.get();
        } finally {
            LOOKING_UP.set(outer);
        }
    }

    static boolean lookingUp() {
        return LOOKING_UP.get();
    }
}
