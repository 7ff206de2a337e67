package org.reliefclearance.clearance.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reliefclearance.clearance.ConsignmentDetails;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.clearance.IdempotencyKeyReusedException;
import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.ConsignmentAccess;
import org.reliefclearance.consignment.ConsignmentQueries;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Consignments", description = "Pre-arrival notifications and their clearance cases")
@RestController
@RequestMapping("/api/consignments")
class ConsignmentController {

    static final String IDEMPOTENCY_KEY = IdempotencyKeyReusedException.HEADER;
    private static final int MAX_IDEMPOTENCY_KEY = 100;

    private final ConsignmentRegistration registration;
    private final ConsignmentAccess access;
    private final ConsignmentDetails details;
    private final ConsignmentQueries queries;

    ConsignmentController(ConsignmentRegistration registration, ConsignmentAccess access, ConsignmentDetails details,
                          ConsignmentQueries queries) {
        this.registration = registration;
        this.access = access;
        this.details = details;
        this.queries = queries;
    }

    record Created(String reference, ConsignmentStatus status, String href) {
    }

    @Operation(summary = "Notify a consignment before arrival and start its clearance case",
            description = "201 with the new reference. With an Idempotency-Key, a retry of the same submission "
                    + "(also a concurrent one) answers 200 with the consignment created first, never a second one.")
    @ApiResponse(responseCode = "201", description = "Consignment registered, clearance case started")
    @ApiResponse(responseCode = "200", description = "Retry with a known Idempotency-Key: the earlier consignment")
    @ApiResponse(responseCode = "400", description = "Invalid notification; errors[] names each bad field",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "The caller does not act for an organisation",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different notification",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping
    ResponseEntity<Created> notify(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
            @ExampleObject(name = "Medicines by air", value = ApiExamples.NOTIFICATION)))
            @Valid @RequestBody NotificationRequest notification,
            @Parameter(description = "Client-chosen key (at most 100 characters) making retries safe")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Parameter(hidden = true) Caller caller) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new InvalidInputException(IDEMPOTENCY_KEY, "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        String organisation = access.submittingOrganisation(caller);
        ConsignmentRegistration.Registered registered = registration.register(
                notification.toNewConsignment(organisation), caller.userId(), idempotencyKey);
        String reference = registered.consignment().reference();
        URI location = URI.create("/api/consignments/" + reference);
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK).location(location)
                .body(new Created(reference, registered.consignment().status(), location.toString()));
    }

    @Operation(summary = "A consignment: status, lines with classification and review, pending reviews with "
            + "deadlines, exemption, release, documents still missing, timeline")
    @GetMapping("/{reference}")
    ConsignmentResponse get(@PathVariable String reference, @Parameter(hidden = true) Caller caller) {
        return ConsignmentResponse.of(details.of(access.readable(reference, caller)));
    }

    record PageResponse(List<Summary> items, int page, int size, long total) {
    }

    record Summary(String reference, String organisationCode, String portOfEntry, ConsignmentStatus status,
                   OffsetDateTime expectedArrival, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static Summary of(ConsignmentQueries.Summary s) {
            return new Summary(s.reference(), s.organisationCode(), s.portCode(), s.status(), s.expectedArrival(),
                    s.createdAt(), s.updatedAt());
        }
    }

    @Operation(summary = "Consignments the caller may see, newest first: an organisation its own, port customs "
            + "their port's, a line ministry those its authority reviews; MoLSW, Customs HQ, coordinators and "
            + "process owners all")
    @GetMapping
    PageResponse list(@RequestParam(required = false) ConsignmentStatus status,
                      @RequestParam(required = false) String port,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                      @Parameter(hidden = true) Caller caller) {
        ConsignmentQueries.Page result = queries.list(access.listingScope(caller),
                new ConsignmentQueries.Filter(status, port), page, size);
        return new PageResponse(result.items().stream().map(Summary::of).toList(), result.page(), result.size(),
                result.total());
    }
}
