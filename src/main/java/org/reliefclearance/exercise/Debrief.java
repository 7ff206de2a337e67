package org.reliefclearance.exercise;

import java.time.Duration;
import java.util.List;

/**
 * What a run's trainees did, per team (candidate group of the task) and role: tasks done, on time or
 * late against the task's due date, still open, escalations their overdue tasks caused, decisions taken
 * again on the same case (reopened), and where the cases waited (by step).
 */
public record Debrief(ExerciseRuns.Run run, List<Team> teams, List<Wait> waits, Team total) {

    public record Team(String group, String role, int done, int onTime, int late, int open, int openOverdue,
                       int escalations, int reopened) {

        Team plus(Team other) {
            return new Team(group, role, done + other.done, onTime + other.onTime, late + other.late,
                    open + other.open, openOverdue + other.openOverdue, escalations + other.escalations,
                    reopened + other.reopened);
        }
    }

    /** Time the cases spent waiting at one step (a user task), all cases of the run together. */
    public record Wait(String step, String group, int tasks, Duration total) {

        public long hours() {
            return total.toHours();
        }
    }
}
