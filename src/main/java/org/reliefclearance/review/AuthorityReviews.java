package org.reliefclearance.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.deadlines.Deadline;
import org.reliefclearance.deadlines.DeadlineStep;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.emergency.EmergencyState;
import org.reliefclearance.notifications.Notices;
import org.reliefclearance.registry.Authority;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * One authority's review of a consignment: opening it with its deadline, pausing it while the
 * consignee is asked for information, and recording how it ended. The {@code authority_review}
 * row, the authority's decision on each of its lines (and so the lines' combined status) and the
 * timeline are written here; the process keeps the clock.
 */
@Service
public class AuthorityReviews {

    static final String SYSTEM = "system";
    static final String INFORMATION_NOT_PROVIDED = "information not provided in time";

    /** What the reviewer's task needs to know. */
    public record Opened(Authority authority, String organisationName, String portName, List<ConsignmentLine> lines,
                         Deadline deadline, boolean tacitApprovalAllowed) {
    }

    /** The review clock while it waits for the consignee. */
    public record Paused(Duration timeLeft, Deadline informationDeadline) {
    }

    /** A review clock set again: due and half-time reminder. */
    public record Clock(Instant dueAt, Instant reminderAt) {
    }

    private final ConsignmentRepository consignments;
    private final AuthorityReviewRepository reviews;
    private final Registry registry;
    private final Deadlines deadlines;
    private final EmergencyState emergencyState;
    private final Notices notices;

    AuthorityReviews(ConsignmentRepository consignments, AuthorityReviewRepository reviews, Registry registry,
                     Deadlines deadlines, EmergencyState emergencyState, Notices notices) {
        this.consignments = consignments;
        this.notices = notices;
        this.reviews = reviews;
        this.registry = registry;
        this.deadlines = deadlines;
        this.emergencyState = emergencyState;
    }

    /** Opens the review PENDING with the authority's deadline from clearance-deadlines. */
    public Opened open(String reference, String authorityCode) {
        Consignment consignment = consignment(reference);
        Authority authority = authority(authorityCode);
        // the reviewer sees and decides only the lines its authority must approve, lead or not, and
        // (a review run again after an amendment) not those that have left the border
        List<ConsignmentLine> lines = consignments.lines(consignment.id()).stream()
                .filter(l -> l.authorities().contains(authorityCode) && l.releaseNumber() == null).toList();
        Deadline deadline = deadlines.forCase(reference, DeadlineStep.AUTHORITY_REVIEW, authorityCode);
        reviews.openPending(consignment.id(), authorityCode, deadlines.now(), deadline.dueAt());
        consignments.addEvent(reference, SYSTEM, TimelineEvent.REVIEW_STARTED, authorityCode,
                "Review of %d line(s) by %s due %s (%s)".formatted(lines.size(), authority.name(),
                        deadlines.display(deadline.dueAt()), deadline.description()));
        String organisation = registry.organisation(consignment.organisationCode())
                .map(o -> o.name()).orElse(consignment.organisationCode());
        String port = registry.port(consignment.portCode()).map(p -> p.name()).orElse(consignment.portCode());
        return new Opened(authority, organisation, port, lines, deadline, tacitApprovalAllowed(reference, authority));
    }

    /**
     * Silence means approval only during an emergency covering the consignment's destination province and
     * only where the authority agreed to it in advance.
     */
    public boolean tacitApprovalAllowed(String reference, String authorityCode) {
        return tacitApprovalAllowed(reference, authority(authorityCode));
    }

    private boolean tacitApprovalAllowed(String reference, Authority authority) {
        return authority.tacitApprovalInEmergency() && emergencyState.coversConsignment(reference);
    }

    /** An emergency came into force for the destination: the pending review is due earlier. */
    public void bringForward(String reference, String authorityCode, Instant was, Deadline now, String emergencyCode) {
        reviews.moveDeadline(consignment(reference).id(), authorityCode, now.dueAt());
        consignments.addEvent(reference, SYSTEM, TimelineEvent.DEADLINE_BROUGHT_FORWARD, authorityCode,
                "Emergency %s: review due %s (%s), was %s".formatted(emergencyCode, deadlines.display(now.dueAt()),
                        now.description(), deadlines.display(was)));
    }

    public void remind(String reference, String authorityCode, Instant dueAt) {
        reviews.countReminder(consignment(reference).id(), authorityCode);
        consignments.addEvent(reference, SYSTEM, TimelineEvent.REVIEW_REMINDER, authorityCode,
                "Half of the review time has passed; due " + deadlines.display(dueAt));
    }

    public void approveTacitly(String reference, String authorityCode, Instant dueAt) {
        String reason = "Tacit approval: no decision by " + deadlines.display(dueAt) + " during the emergency";
        long id = consignment(reference).id();
        reviews.decide(id, authorityCode, ReviewStatus.APPROVED, SYSTEM, reason, true);
        reviews.setLineStatuses(id, authorityCode, List.of(), null);
        consignments.addEvent(reference, SYSTEM, TimelineEvent.TACIT_APPROVAL, authorityCode, reason);
    }

    public void escalate(String reference, String authorityCode, Instant dueAt) {
        reviews.markEscalated(consignment(reference).id(), authorityCode);
        consignments.addEvent(reference, SYSTEM, TimelineEvent.REVIEW_ESCALATED, authorityCode,
                "No decision by " + deadlines.display(dueAt) + "; handed to the head of the authority");
    }

    /** The head did not act by its own deadline: the coordinators follow up, without deciding. */
    public void escalateToCoordinators(String reference, String authorityCode) {
        consignments.addEvent(reference, SYSTEM, TimelineEvent.REVIEW_ESCALATED_TO_COORDINATORS, authorityCode,
                "The head of the authority did not act in time; handed to the NLPWG coordinators");
    }

    /**
     * The coordinator gives the reviewers more time, to the date given or, without one, a full
     * review period from now; when reassigning, {@code assignee} may name the official who must decide.
     */
    public Clock reopen(String reference, String authorityCode, boolean reassign, Instant newDueAt, String assignee,
                        String actor, String reason) {
        Instant now = deadlines.now();
        Clock clock;
        if (newDueAt == null) {
            if (!reassign) {
                throw new IllegalArgumentException("Give the new deadline");
            }
            Deadline fresh = deadlines.forCase(reference, DeadlineStep.AUTHORITY_REVIEW, authorityCode);
            clock = new Clock(fresh.dueAt(), fresh.reminderAt());
        } else if (!newDueAt.isAfter(now)) {
            throw new IllegalArgumentException("The new deadline must lie in the future");
        } else {
            clock = new Clock(newDueAt, now.plus(Duration.between(now, newDueAt).dividedBy(2)));
        }
        reviews.updateStatus(consignment(reference).id(), authorityCode, ReviewStatus.PENDING, clock.dueAt());
        String detail = (reassign ? "Reassigned to " + (assignee == null ? "the reviewing group" : assignee) + ", due "
                : "Deadline extended to ") + deadlines.display(clock.dueAt()) + (reason == null ? "" : ": " + reason);
        consignments.addEvent(reference, actor, reassign ? TimelineEvent.REVIEW_REASSIGNED : TimelineEvent.REVIEW_DEADLINE_EXTENDED,
                authorityCode, detail);
        return clock;
    }

    public Paused requestInformation(String reference, String authorityCode, String request, String actor,
                                     Instant reviewDueAt, boolean workingTime) {
        if (request == null) {
            throw new IllegalArgumentException("Say what information the consignee must provide");
        }
        Duration left = deadlines.remaining(reviewDueAt, workingTime);
        Deadline answerBy = deadlines.forCase(reference, DeadlineStep.INFORMATION_RESPONSE, authorityCode);
        reviews.updateStatus(consignment(reference).id(), authorityCode, ReviewStatus.INFORMATION_REQUESTED,
                reviewDueAt);
        consignments.addEvent(reference, actor, TimelineEvent.INFORMATION_REQUESTED, authorityCode,
                request + " (answer by " + deadlines.display(answerBy.dueAt()) + ")");
        notices.informationRequested(reference, authorityCode, request, answerBy.dueAt());
        return new Paused(left, answerBy);
    }

    /** The consignee answered: the review clock runs again with the time that was left. */
    public Clock resume(String reference, String authorityCode, String response, Duration timeLeft,
                        boolean workingTime) {
        Instant dueAt = deadlines.resume(timeLeft, workingTime);
        Instant reminderAt = deadlines.resume(timeLeft.dividedBy(2), workingTime);
        reviews.updateStatus(consignment(reference).id(), authorityCode, ReviewStatus.PENDING, dueAt);
        consignments.addEvent(reference, SYSTEM, TimelineEvent.INFORMATION_PROVIDED, authorityCode,
                (response == null ? "Information provided" : response) + " (review due " + deadlines.display(dueAt) + ")");
        return new Clock(dueAt, reminderAt);
    }

    public void rejectForMissingInformation(String reference, String authorityCode) {
        long id = consignment(reference).id();
        List<Integer> lines = lineNumbers(id, authorityCode);
        reviews.decide(id, authorityCode, ReviewStatus.REJECTED, SYSTEM, INFORMATION_NOT_PROVIDED, false);
        reviews.setLineStatuses(id, authorityCode, lines, INFORMATION_NOT_PROVIDED);
        if (!lines.isEmpty()) {
            notices.linesRejected(reference, authorityCode, lines, INFORMATION_NOT_PROVIDED);
        }
        consignments.addEvent(reference, SYSTEM, TimelineEvent.INFORMATION_OVERDUE, authorityCode,
                "Review rejected: " + INFORMATION_NOT_PROVIDED);
    }

    /**
     * Records the reviewer's decision (APPROVE, REJECT_LINES, REJECT_ALL) for the review and each of
     * the authority's lines. Rejecting needs a reason; REJECT_LINES needs line numbers of this authority.
     */
    public ReviewStatus decide(String reference, String authorityCode, ReviewDecision decision,
                               List<Integer> rejectedLines, String reason, String actor) {
        return decide(reference, authorityCode, decision, rejectedLines, reason, Permit.NONE, actor);
    }

    /** The reviewer's decision; an approval of some or all lines carries the permit granted for them. */
    public ReviewStatus decide(String reference, String authorityCode, ReviewDecision decision,
                               List<Integer> rejectedLines, String reason, Permit permit, String actor) {
        long id = consignment(reference).id();
        Set<Integer> own = new TreeSet<>(lineNumbers(id, authorityCode));
        Set<Integer> rejected = switch (decision) {
            case APPROVE -> Set.of();
            case REJECT_ALL -> own;
            case REJECT_LINES -> {
                if (rejectedLines.isEmpty()) {
                    throw new IllegalArgumentException("Choose the lines to reject");
                }
                if (!own.containsAll(rejectedLines)) {
                    throw new IllegalArgumentException("Lines " + rejectedLines + " are not all lines reviewed by "
                            + authorityCode + " " + own);
                }
                yield new TreeSet<>(rejectedLines);
            }
            case REQUEST_INFORMATION -> throw new IllegalArgumentException("An information request decides nothing");
        };
        if (!rejected.isEmpty() && reason == null) {
            throw new IllegalArgumentException("Give a reason for rejecting");
        }
        ReviewStatus status = rejected.isEmpty() ? ReviewStatus.APPROVED
                : rejected.containsAll(own) ? ReviewStatus.REJECTED : ReviewStatus.PARTIALLY_APPROVED;
        Permit granted = status == ReviewStatus.REJECTED ? Permit.NONE : permit;
        reviews.recordPermit(id, authorityCode, granted);
        record(reference, id, authorityCode, status, rejected, reason, granted, actor);
        return status;
    }

    /** The coordinator decides an overdue review for all of the authority's lines. */
    public ReviewStatus decideOverdue(String reference, String authorityCode, boolean approve, String reason,
                                      String actor) {
        if (!approve && reason == null) {
            throw new IllegalArgumentException("Give a reason for rejecting");
        }
        long id = consignment(reference).id();
        ReviewStatus status = approve ? ReviewStatus.APPROVED : ReviewStatus.REJECTED;
        record(reference, id, authorityCode, status, approve ? Set.of() : new TreeSet<>(lineNumbers(id, authorityCode)),
                reason, actor);
        return status;
    }

    private void record(String reference, long consignmentId, String authorityCode, ReviewStatus status,
                        Set<Integer> rejected, String reason, String actor) {
        record(reference, consignmentId, authorityCode, status, rejected, reason, Permit.NONE, actor);
    }

    private void record(String reference, long consignmentId, String authorityCode, ReviewStatus status,
                        Set<Integer> rejected, String reason, Permit permit, String actor) {
        reviews.decide(consignmentId, authorityCode, status, actor, reason, false);
        reviews.setLineStatuses(consignmentId, authorityCode, rejected, reason);
        String granted = permit.describe();
        consignments.addEvent(reference, actor, TimelineEvent.REVIEW_DECIDED, authorityCode,
                status + (rejected.isEmpty() ? "" : ", rejected lines " + rejected)
                        + (granted.isEmpty() ? "" : ", " + granted)
                        + (reason == null ? "" : ": " + reason));
        if (!rejected.isEmpty()) {
            notices.linesRejected(reference, authorityCode, rejected, reason);
        }
    }

    private List<Integer> lineNumbers(long consignmentId, String authorityCode) {
        return consignments.lines(consignmentId).stream()
                .filter(l -> l.authorities().contains(authorityCode) && l.releaseNumber() == null)
                .map(ConsignmentLine::lineNo).toList();
    }

    private Consignment consignment(String reference) {
        return consignments.findByReference(reference)
                .orElseThrow(() -> new IllegalStateException("No consignment " + reference));
    }

    private Authority authority(String code) {
        return registry.authority(code).orElseThrow(() -> new IllegalStateException("No authority " + code));
    }
}
