package org.reliefclearance.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The goals of issue 21, each a ratio of two figures of the same run (README, "Performance"): they
 * are added to the results as "goal: ..." with the ratio, and printed with whether each holds.
 */
final class Goals {

    private record Goal(String name, double ratio, String bound, boolean holds) {
    }

    private final Results results;
    private final List<Goal> goals = new ArrayList<>();
    private ClearanceBenchmarkTest.Cost floorCost;

    Goals(Results results) {
        this.results = results;
    }

    void floor(ClearanceBenchmarkTest.Cost floorCost) {
        this.floorCost = floorCost;
    }

    /** Throughput and rows per user task, the SOP's against the floor's (one user task per instance). */
    void sop(double casesPerSecond, ClearanceBenchmarkTest.Rate floorRate, ClearanceBenchmarkTest.Cost perCase) {
        int tasks = ClearanceBenchmarkTest.USER_TASKS_PER_CASE;
        atLeast("full SOP user tasks/s vs floor instances/s", casesPerSecond * tasks / floorRate.perSecond(), 0.8);
        atMost("rows written per SOP user task vs floor rows per instance", perCase.rows() / tasks / floorCost.rows(),
                2.0);
    }

    void api(double p99AtEight, double floorP99AtEight) {
        atMost("POST /api/consignments p99 at 8 clients vs floor p99", p99AtEight / floorP99AtEight, 1.0);
    }

    void timers(double baselineSeconds, double tunedSeconds) {
        atMost("due timers: time as configured vs before tuning", tunedSeconds / baselineSeconds, 1.0 / 3);
    }

    void tasklist(int visible, double withAuthorization, double without) {
        atMost("Tasklist page + count, " + visible + " tasks: authorization on vs off", withAuthorization / without,
                2.0);
    }

    void report() {
        // the run got here in the heap the benchmark profile gives it
        goals.add(new Goal("heap: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB at most",
                Runtime.getRuntime().maxMemory() / (512.0 * 1024 * 1024), "<= 1", Runtime.getRuntime().maxMemory()
                        <= 512L * 1024 * 1024));
        StringBuilder s = new StringBuilder("\n[benchmark] goals (issue 21), ratios within this run\n");
        for (Goal g : goals) {
            results.add("goal: " + g.name(), g.ratio(), "ratio", null, g.bound() + (g.holds() ? ": holds" : ": missed"));
            s.append(String.format(Locale.ROOT, "  %-72s %8.3f  %-8s %s%n", g.name(), g.ratio(), g.bound(),
                    g.holds() ? "holds" : "MISSED"));
        }
        System.out.println(s);
    }

    private void atLeast(String name, double ratio, double bound) {
        goals.add(new Goal(name, ratio, String.format(Locale.ROOT, ">= %.2f", bound), ratio >= bound));
    }

    private void atMost(String name, double ratio, double bound) {
        goals.add(new Goal(name, ratio, String.format(Locale.ROOT, "<= %.2f", bound), ratio <= bound));
    }
}
