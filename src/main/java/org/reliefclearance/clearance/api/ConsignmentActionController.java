package org.reliefclearance.clearance.api;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reliefclearance.clearance.ConsignmentActions;
import org.reliefclearance.clearance.ConsignmentDetails;
import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentAccess;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Messages to a running case. Each answers with the consignment as it stands afterwards, or 409. */
@Tag(name = "Consignments")
@RestController
@RequestMapping("/api/consignments/{reference}")
@ApiResponse(responseCode = "409", description = "The case does not wait for this (ended, or not at that step)")
class ConsignmentActionController {

    private final ConsignmentAccess access;
    private final ConsignmentActions actions;
    private final ConsignmentDetails details;
    private final ConsignmentRepository consignments;

    ConsignmentActionController(ConsignmentAccess access, ConsignmentActions actions, ConsignmentDetails details,
                                ConsignmentRepository consignments) {
        this.access = access;
        this.actions = actions;
        this.details = details;
        this.consignments = consignments;
    }

    @Operation(summary = "Answer an authority's request for information (consignee)")
    @PostMapping("/information")
    ConsignmentResponse provideInformation(@PathVariable String reference,
                                           @Valid @RequestBody ActionRequests.Information body,
                                           @Parameter(hidden = true) Caller caller) {
        Consignment c = access.ownConsignment(reference, caller);
        actions.provideInformation(c, body.authority(), body.response(), caller.userId());
        return current(reference);
    }

    @Operation(summary = "Withdraw the consignment before release (consignee)")
    @PostMapping("/withdrawal")
    ConsignmentResponse withdraw(@PathVariable String reference, @Valid @RequestBody ActionRequests.Withdrawal body,
                                 @Parameter(hidden = true) Caller caller) {
        Consignment c = access.ownConsignment(reference, caller);
        actions.withdraw(c, body.reason(), caller.userId());
        return current(reference);
    }

    @Operation(summary = "Report the distribution of released goods: what went to which province and place (consignee)",
            description = "400 naming the field for an unknown province (distributedQuantities[i].province), a line"
                    + " reported beyond its imported quantity (distributedQuantities[i].quantity) or the same line,"
                    + " province and place twice (distributedQuantities[i].place).")
    @PostMapping("/distribution-report")
    ConsignmentResponse reportDistribution(@PathVariable String reference,
                                           @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                   examples = @ExampleObject(name = "Two provinces",
                                                           value = ApiExamples.DISTRIBUTION_REPORT)))
                                           @Valid @RequestBody ActionRequests.DistributionReport body,
                                           @Parameter(hidden = true) Caller caller) {
        Consignment c = access.ownConsignment(reference, caller);
        actions.reportDistribution(c, body.report(), body.quantities(), caller.userId());
        return current(reference);
    }

    @Operation(summary = "Report that the goods arrived (customs officers of the port, or the consignee)")
    @PostMapping("/arrival")
    ConsignmentResponse reportArrival(@PathVariable String reference, @Parameter(hidden = true) Caller caller) {
        Consignment c = access.arrivalReportable(reference, caller);
        actions.reportArrival(c, caller.userId());
        return current(reference);
    }

    @Operation(summary = "Amend the notification before release: expected arrival, transport document, changed and"
            + " new lines (consignee). Only the changed lines are classified and reviewed again")
    @PostMapping("/amendments")
    ConsignmentResponse amend(@PathVariable String reference, @Valid @RequestBody ActionRequests.Amendment body,
                              @Parameter(hidden = true) Caller caller) {
        Consignment c = access.ownConsignment(reference, caller);
        actions.amend(c, body.amendment(), caller.userId());
        return current(reference);
    }

    @Operation(summary = "Record what arrived, line by line; lines that differ are held at the port until resolved"
            + " (customs officers of the port)")
    @PostMapping("/tally")
    ConsignmentResponse recordTally(@PathVariable String reference, @Valid @RequestBody ActionRequests.Tally body,
                                    @Parameter(hidden = true) Caller caller) {
        Consignment c = access.portOfficer(reference, caller);
        actions.recordTally(c, body.tally(), body.note(), caller.userId());
        return current(reference);
    }

    @Operation(summary = "Release lines that need no permit before the exemption and the declaration, during a"
            + " declared emergency (head of the checkpoint)")
    @PostMapping("/emergency-release")
    ConsignmentResponse releaseInEmergency(@PathVariable String reference,
                                           @Valid @RequestBody ActionRequests.EmergencyRelease body,
                                           @Parameter(hidden = true) Caller caller) {
        Consignment c = access.headOfCheckpoint(reference, caller);
        actions.releaseInEmergency(c, body.lines(), body.reason(), caller.userId());
        return current(reference);
    }

    private ConsignmentResponse current(String reference) {
        return ConsignmentResponse.of(details.of(consignments.findByReference(reference).orElseThrow()));
    }
}
