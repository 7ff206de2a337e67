package org.reliefclearance.clearance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.DistributionReports;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.consignment.NewConsignment;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.consignment.WrongStateException;
import org.reliefclearance.emergency.EmergencyState;
import org.reliefclearance.registry.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the consignee (and, for arrival, the port) tells a running case. Each action is written
 * to the timeline and delivered to the process in one transaction: a case that does not wait
 * for it answers "wrong state" and nothing is recorded. A conflict with a concurrent change of
 * the same case (another node, a job) is retried, not reported.
 */
@Service
public class ConsignmentActions {

    private final ConsignmentRepository consignments;
    private final ClearanceEngine engine;
    private final Registry registry;
    private final JdbcClient jdbc;
    private final ConcurrentChangeRetry retry;
    private final Clock clock;
    private final EmergencyState emergencies;
    private final DistributionReports distributionReports;

    ConsignmentActions(ConsignmentRepository consignments, ClearanceEngine engine, Registry registry, JdbcClient jdbc,
                       ConcurrentChangeRetry retry, Clock clock, EmergencyState emergencies,
                       DistributionReports distributionReports) {
        this.emergencies = emergencies;
        this.distributionReports = distributionReports;
        this.consignments = consignments;
        this.engine = engine;
        this.registry = registry;
        this.jdbc = jdbc;
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * A quantity of a line distributed at one location: a province code ({@code LA-AT}) and, if given,
     * the district, village or camp.
     */
    public record DistributedQuantity(int lineNo, BigDecimal quantity, String province, String place) {
    }

    public void provideInformation(Consignment c, String authorityCode, String response, String actor) {
        if (registry.authority(authorityCode).isEmpty()) {
            throw new InvalidInputException("authority", "is not an authority in the registry");
        }
        ensureOpen(c);
        inTransaction(() -> {
            consignments.addEvent(c.reference(), actor, TimelineEvent.INFORMATION_PROVIDED, authorityCode, response);
            engine.correlateToReview(c.reference(), authorityCode, ClearanceProcess.Messages.INFORMATION_PROVIDED,
                    Variables.createVariables().putValue(ClearanceProcess.Vars.INFORMATION_RESPONSE.name(), response),
                    "No review by " + authorityCode + " is waiting for information on " + c.reference());
        });
    }

    /** Before release only: released goods are in the country, and the case runs on to its distribution report. */
    public void withdraw(Consignment c, String reason, String actor) {
        ensureOpen(c);
        ensureNotReleased(c);
        inTransaction(() -> {
            // a release committed since the caller read the consignment
            ensureNotReleased(consignments.findByReference(c.reference()).orElseThrow());
            consignments.addEvent(c.reference(), actor, TimelineEvent.WITHDRAWAL_REQUESTED, null, reason);
            engine.correlate(c.reference(), ClearanceProcess.Messages.CONSIGNMENT_WITHDRAWN,
                    Variables.createVariables().putValue(ClearanceProcess.Vars.WITHDRAWAL_REASON.name(), reason),
                    c.reference() + " can no longer be withdrawn (status " + c.status() + ")");
        });
    }

    /**
     * At any step after the notification, once: goods often land while ministries still review. The
     * consignee and the port may both report; the second report is refused, as is one after release.
     */
    public void reportArrival(Consignment c, String actor) {
        ensureOpen(c);
        inTransaction(() -> {
            // one report at a time per case, on any node; and after a step that is moving the case on
            // (it holds this row), so the engine below sees where the case really is
            Consignment now = consignments.lockForUpdate(c.reference());
            ensureOpen(now);
            if (now.releasedAt() != null) {
                throw new WrongStateException(c.reference() + " has been released (status " + now.status() + ")");
            }
            if (now.arrivedAt() != null) {
                throw new WrongStateException(c.reference() + " arrived already, at " + now.arrivedAt());
            }
            consignments.addEvent(c.reference(), actor, TimelineEvent.ARRIVAL_REPORTED, null, "Goods arrived at " + c.portCode());
            engine.correlate(c.reference(), ClearanceProcess.Messages.CONSIGNMENT_ARRIVED,
                    Variables.createVariables().putValue(ClearanceProcess.Vars.ARRIVED_BY.name(), actor),
                    c.reference() + " is not waiting for its arrival (status " + now.status() + ")");
        });
    }

    /**
     * The report and what went where: a line may be distributed at several locations, never more in
     * all than was imported, and each location once per line.
     */
    public void reportDistribution(Consignment c, String report, List<DistributedQuantity> quantities, String actor) {
        checkQuantities(c, quantities);
        ensureOpen(c);
        inTransaction(() -> {
            distributionReports.store(c.id(), report, actor, OffsetDateTime.now(clock), quantities.stream()
                    .map(q -> new DistributionReports.Entry(q.lineNo(), q.quantity(), q.province(), place(q)))
                    .toList());
            consignments.addEvent(c.reference(), actor, TimelineEvent.DISTRIBUTION_REPORTED, null, report);
            engine.correlate(c.reference(), ClearanceProcess.Messages.DISTRIBUTION_REPORTED,
                    Variables.createVariables().putValue(ClearanceProcess.Vars.DISTRIBUTION_REPORT.name(), report),
                    c.reference() + " is not waiting for a distribution report (status " + c.status() + ")");
        });
    }

    public record TalliedLine(int lineNo, BigDecimal receivedQuantity, boolean releaseAsReceived) {
    }

    /** A line as amended: {@code lineNo} null for a new line. */
    public record AmendedLine(Integer lineNo, NewConsignment.Line goods) {
    }

    public record Amendment(String reason, OffsetDateTime expectedArrival, String transportDocumentType,
                            String transportDocumentNumber, List<AmendedLine> lines) {
    }

    /** Steps after which nothing is left to amend: every line has been released or refused. */
    private static final List<String> SETTLED = List.of(ClearanceProcess.Elements.RECORD_REFUSED_LINES_FATE,
            ClearanceProcess.Elements.DISTRIBUTION_REPORT_OR_DEADLINE, ClearanceProcess.Elements.FOLLOW_UP_DISTRIBUTION_REPORT);

    /**
     * The consignee amends the notification before release: the expected arrival, the transport document,
     * changed lines and new ones. Only the changed and new lines are classified again, and only their
     * authorities review again; a prohibited one is refused from the case. Not while a ministry reviews
     * (its decision would cover lines it never saw) nor while the port clears; never a released line.
     */
    public void amend(Consignment c, Amendment amendment, String actor) {
        ensureOpen(c);
        if (amendment.expectedArrival() == null && amendment.transportDocumentType() == null
                && amendment.transportDocumentNumber() == null && amendment.lines().isEmpty()) {
            throw new InvalidInputException("lines", "an amendment changes the arrival, the transport document or lines");
        }
        Map<Integer, ConsignmentLine> lines = consignments.lines(c.id()).stream()
                .collect(Collectors.toMap(ConsignmentLine::lineNo, l -> l));
        List<String> changes = new java.util.ArrayList<>();
        for (int i = 0; i < amendment.lines().size(); i++) {
            AmendedLine amended = amendment.lines().get(i);
            String field = "lines[" + i + "].lineNo";
            if (amended.lineNo() == null) {
                changes.add("new line " + amended.goods().description() + " (HS " + amended.goods().hsCode() + ")");
                continue;
            }
            ConsignmentLine line = lines.get(amended.lineNo());
            if (line == null) {
                throw new InvalidInputException(field, "is not a line of " + c.reference());
            }
            if (amendment.lines().subList(0, i).stream().anyMatch(o -> amended.lineNo().equals(o.lineNo()))) {
                throw new InvalidInputException(field, "is amended more than once");
            }
            if (line.releaseNumber() != null) {
                throw new InvalidInputException(field, "line " + line.lineNo() + " was released already ("
                        + line.releaseNumber() + ") and can no longer be amended");
            }
            changes.add("line " + line.lineNo() + " " + describe(line) + " → " + amended.goods().description() + ", HS "
                    + amended.goods().hsCode() + ", " + amended.goods().quantity().stripTrailingZeros().toPlainString()
                    + " " + amended.goods().unit() + ", USD " + amended.goods().valueUsd().toPlainString());
        }
        if (amendment.expectedArrival() != null) {
            changes.add(0, "expected arrival " + amendment.expectedArrival());
        }
        if (amendment.transportDocumentType() != null || amendment.transportDocumentNumber() != null) {
            changes.add(0, "transport document " + (amendment.transportDocumentType() == null ? c.transportDocumentType()
                    : amendment.transportDocumentType()) + " " + (amendment.transportDocumentNumber() == null
                    ? c.transportDocumentNumber() : amendment.transportDocumentNumber()));
        }
        inTransaction(() -> {
            Consignment now = consignments.lockForUpdate(c.reference());
            ensureOpen(now);
            if (engine.isAt(c.reference(), SETTLED)) {
                throw new WrongStateException(c.reference() + " has every line released or refused: nothing is left"
                        + " to amend");
            }
            if (engine.isAt(c.reference(), List.of(ClearanceProcess.Elements.REVIEW_BY_AUTHORITY,
                    ClearanceProcess.Elements.REVIEW_AMENDED_LINES))) {
                throw new WrongStateException("A ministry is reviewing " + c.reference()
                        + ": amend after its decision, or ask it to refuse the lines");
            }
            if (engine.isAt(c.reference(), CLEARING)) {
                throw new WrongStateException("The port is clearing lines of " + c.reference()
                        + ": amend after that release");
            }
            List<Integer> amended = new java.util.ArrayList<>();
            for (AmendedLine line : amendment.lines()) {
                if (line.lineNo() == null) {
                    amended.add(consignments.addLine(c.id(), line.goods()));
                } else {
                    consignments.amendLine(c.id(), line.lineNo(), line.goods());
                    amended.add(line.lineNo());
                }
            }
            consignments.amendTransport(c.id(), amendment.expectedArrival(), amendment.transportDocumentType(),
                    amendment.transportDocumentNumber());
            consignments.addEvent(c.reference(), actor, TimelineEvent.NOTIFICATION_AMENDED, null,
                    truncate(String.join("; ", changes) + ". " + amendment.reason().strip()));
            engine.correlate(c.reference(), ClearanceProcess.Messages.NOTIFICATION_AMENDED,
                    Variables.createVariables().putValue(ClearanceProcess.Vars.AMENDED_LINES.name(), amended),
                    c.reference() + " can no longer be amended (status " + now.status() + ")");
        });
    }

    private static String describe(ConsignmentLine line) {
        return "(" + line.description() + ", HS " + line.hsCode() + ", " + line.quantity().stripTrailingZeros()
                .toPlainString() + " " + line.unit() + ")";
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    /**
     * The port's tally of what arrived. A line received as notified may go; one that differs is held at
     * the port until a later tally matches, or the port accepts to release what arrived short (never
     * more than notified: over-landed goods need an amended notification). Released lines are final.
     */
    public void recordTally(Consignment c, List<TalliedLine> tally, String note, String actor) {
        ensureOpen(c);
        Map<Integer, ConsignmentLine> lines = consignments.lines(c.id()).stream()
                .collect(Collectors.toMap(ConsignmentLine::lineNo, l -> l));
        List<String> findings = new java.util.ArrayList<>();
        for (int i = 0; i < tally.size(); i++) {
            TalliedLine t = tally.get(i);
            ConsignmentLine line = lines.get(t.lineNo());
            String field = "lines[" + i + "]";
            if (line == null) {
                throw new InvalidInputException(field + ".lineNo", "is not a line of " + c.reference());
            }
            if (tally.subList(0, i).stream().anyMatch(o -> o.lineNo() == t.lineNo())) {
                throw new InvalidInputException(field + ".lineNo", "is tallied more than once");
            }
            if (line.releaseNumber() != null) {
                throw new InvalidInputException(field + ".lineNo", "line " + line.lineNo() + " was released already ("
                        + line.releaseNumber() + ")");
            }
            int compared = t.receivedQuantity().compareTo(line.quantity());
            if (t.releaseAsReceived() && compared > 0) {
                throw new InvalidInputException(field + ".releaseAsReceived", "over-landed goods (more than the "
                        + line.quantity().stripTrailingZeros().toPlainString() + " notified) are released only after"
                        + " the notification is amended");
            }
            findings.add("line " + line.lineNo() + ": " + t.receivedQuantity().stripTrailingZeros().toPlainString()
                    + " of " + line.quantity().stripTrailingZeros().toPlainString() + " " + line.unit()
                    + (compared == 0 ? " as notified" : (compared < 0 ? " short-landed" : " over-landed")
                    + (t.releaseAsReceived() ? ", released as received" : ", held at the port")));
        }
        boolean discrepancies = tally.stream().anyMatch(t -> t.receivedQuantity().compareTo(lines.get(t.lineNo())
                .quantity()) != 0);
        if (discrepancies && (note == null || note.isBlank())) {
            throw new InvalidInputException("note", "is required when quantities differ from the notification");
        }
        inTransaction(() -> {
            Consignment now = consignments.lockForUpdate(c.reference());
            ensureOpen(now);
            if (now.arrivedAt() == null) {
                throw new WrongStateException(c.reference() + " has not arrived: the port tallies goods at the port");
            }
            for (TalliedLine t : tally) {
                if (consignments.lines(c.id()).stream().anyMatch(l -> l.lineNo() == t.lineNo()
                        && l.releaseNumber() != null)) {
                    throw new WrongStateException("line " + t.lineNo() + " of " + c.reference() + " was released meanwhile");
                }
                jdbc.sql("""
                        update consignment_line set received_quantity = ?, discrepancy_accepted = ?
                        where consignment_id = ? and line_no = ?""")
                        .params(t.receivedQuantity(), t.releaseAsReceived(), c.id(), t.lineNo()).update();
            }
            consignments.addEvent(c.reference(), actor, TimelineEvent.TALLY_RECORDED, null,
                    String.join("; ", findings) + (note == null || note.isBlank() ? "" : ". " + note.strip()));
            engine.linesChanged(c.reference());
        });
    }

    /** Steps of the release cycle during which the port is clearing lines it was given. */
    private static final List<String> CLEARING = List.of(ClearanceProcess.Elements.ASSESS_EXAMINATION_RISK,
            ClearanceProcess.Elements.CLEAR_AT_PORT, ClearanceProcess.Elements.EXAMINE_GOODS,
            ClearanceProcess.Elements.ISSUE_RELEASE_NOTE);

    /**
     * During a declared emergency the head of the checkpoint releases, with a reason and before the
     * declaration, arrived lines that need no permit, without waiting for the exemption or the reviews
     * of other lines. A line a ministry must approve is never released this way.
     */
    public void releaseInEmergency(Consignment c, List<Integer> lineNos, String reason, String actor) {
        ensureOpen(c);
        if (!emergencies.coversConsignment(c.reference())) {
            throw new WrongStateException("No emergency in force covers the destination province: lines are released after the"
                    + " exemption decision, at the port");
        }
        Map<Integer, ConsignmentLine> lines = consignments.lines(c.id()).stream()
                .collect(Collectors.toMap(ConsignmentLine::lineNo, l -> l));
        for (int i = 0; i < lineNos.size(); i++) {
            ConsignmentLine line = lines.get(lineNos.get(i));
            String field = "lines[" + i + "]";
            if (line == null) {
                throw new InvalidInputException(field, "is not a line of " + c.reference());
            }
            if ("REJECTED".equals(line.reviewStatus())) {
                throw new InvalidInputException(field, "line " + line.lineNo() + " was refused: " + line.reviewReason());
            }
            if (line.authorityCode() != null) {
                throw new InvalidInputException(field, "line " + line.lineNo() + " needs the approval of "
                        + line.authorityCode() + ": a controlled line is never released before its ministry decides");
            }
            if (line.releaseNumber() != null) {
                throw new InvalidInputException(field, "line " + line.lineNo() + " was released already ("
                        + line.releaseNumber() + ")");
            }
        }
        inTransaction(() -> {
            Consignment now = consignments.lockForUpdate(c.reference());
            ensureOpen(now);
            if (now.arrivedAt() == null) {
                throw new WrongStateException(c.reference() + " has not arrived: goods are released at the port");
            }
            if (engine.isAt(c.reference(), CLEARING)) {
                throw new WrongStateException("The port is clearing lines of " + c.reference()
                        + ": they are released there");
            }
            consignments.addEvent(c.reference(), actor, TimelineEvent.EMERGENCY_RELEASE_ORDERED, null,
                    "Lines " + lineNos + ": " + reason);
            engine.correlate(c.reference(), ClearanceProcess.Messages.EMERGENCY_RELEASE_ORDERED,
                    Variables.createVariables()
                            .putValue(ClearanceProcess.Vars.EMERGENCY_RELEASE_LINES.name(), List.copyOf(lineNos))
                            .putValue(ClearanceProcess.Vars.EMERGENCY_RELEASE_REASON.name(), reason),
                    c.reference() + " cannot be released now (status " + now.status() + ")");
        });
    }

    /** Each entry names a line of the case; a line's entries add up to at most its imported quantity. */
    private void checkQuantities(Consignment c, List<DistributedQuantity> quantities) {
        Map<Integer, BigDecimal> imported = consignments.lines(c.id()).stream()
                .collect(Collectors.toMap(ConsignmentLine::lineNo, ConsignmentLine::quantity));
        Map<Integer, BigDecimal> distributed = new java.util.HashMap<>();
        for (int i = 0; i < quantities.size(); i++) {
            DistributedQuantity q = quantities.get(i);
            String field = "distributedQuantities[" + i + "]";
            if (!imported.containsKey(q.lineNo())) {
                throw new InvalidInputException(field + ".lineNo", "is not a line of " + c.reference());
            }
            if (q.province() == null || q.province().isBlank()) {
                // the request rules require it too; the column takes null only for reports older than locations
                throw new InvalidInputException(field + ".province", "must not be blank");
            }
            if (quantities.subList(0, i).stream().anyMatch(o -> sameLocation(o, q))) {
                throw new InvalidInputException(field + ".place", "line " + q.lineNo() + " at " + q.province()
                        + (place(q) == null ? "" : ", " + place(q)) + " is reported more than once");
            }
            BigDecimal total = distributed.merge(q.lineNo(), q.quantity(), BigDecimal::add);
            if (total.compareTo(imported.get(q.lineNo())) > 0) {
                throw new InvalidInputException(field + ".quantity", "brings line " + q.lineNo() + " to "
                        + total.stripTrailingZeros().toPlainString() + " distributed, more than the "
                        + imported.get(q.lineNo()).stripTrailingZeros().toPlainString() + " imported");
            }
        }
    }

    /** The same line in the same province and place; places compared as people type them (spaces, case). */
    private static boolean sameLocation(DistributedQuantity a, DistributedQuantity b) {
        String placeA = place(a);
        String placeB = place(b);
        return a.lineNo() == b.lineNo() && a.province().equals(b.province())
                && (placeA == null ? placeB == null : placeA.equalsIgnoreCase(placeB));
    }

    private static String place(DistributedQuantity q) {
        return q.place() == null || q.place().isBlank() ? null : q.place().trim();
    }

    private static void ensureNotReleased(Consignment c) {
        if (c.releasedAt() != null || c.status() == ConsignmentStatus.RELEASED
                || c.status() == ConsignmentStatus.AWAITING_DISTRIBUTION_REPORT) {
            throw new WrongStateException(c.reference() + " has been released (status " + c.status()
                    + ") and can no longer be withdrawn");
        }
    }

    private static void ensureOpen(Consignment c) {
        if (c.status().isTerminal()) {
            throw new WrongStateException(c.reference() + " has ended (status " + c.status() + ")");
        }
    }

    private void inTransaction(Runnable work) {
        retry.inTransaction(work);
    }
}
