package org.reliefclearance.screening.api;


import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reliefclearance.consignment.ConsignmentRules;
import org.reliefclearance.screening.GoodsCategory;
import org.reliefclearance.deadlines.Deadline;
import org.reliefclearance.registry.Authority;
import org.reliefclearance.screening.RequirementsLookup;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Requirements", description = "What importing some goods takes (public)")
@RestController
@RequestMapping("/api/requirements")
class RequirementsController {

    private final RequirementsLookup lookup;
    private final ConsignmentRules rules;

    RequirementsController(RequirementsLookup lookup, ConsignmentRules rules) {
        this.lookup = lookup;
        this.rules = rules;
    }

    /**
     * @param authority      the lead authority of {@code authorities}
     * @param reviewDeadline when the last of the reviews is due
     * @param authorities    every authority that must approve the goods, with its documents and deadline
     */
    record RequirementsResponse(String hsCode, String category, String treatment, String reason,
                                AuthorityView authority, List<String> documents, List<String> alwaysRequiredDocuments,
                                DeadlineView reviewDeadline, List<ApprovalView> authorities) {
    }

    record ApprovalView(String code, String name, String ministry, String reason, List<String> documents,
                        DeadlineView reviewDeadline) {

        static ApprovalView of(RequirementsLookup.Approval a) {
            return new ApprovalView(a.authority().code(), a.authority().name(), a.authority().ministry(),
                    a.requirement().reason(), a.requirement().documents(), DeadlineView.of(a.reviewDeadline()));
        }
    }

    record AuthorityView(String code, String name, String ministry) {
    }

    record DeadlineView(Instant dueAt, Instant reminderAt, boolean emergency, String description) {

        static DeadlineView of(Deadline d) {
            return new DeadlineView(d.dueAt(), d.reminderAt(), d.emergency(), d.description());
        }
    }

    @Operation(summary = "Treatment, approving authorities, documents and current review deadlines for an HS code "
            + "and category, from the goods-classification and goods-approvals rules (no login needed)")
    @SecurityRequirements
    @GetMapping
    ResponseEntity<?> requirements(
            @Parameter(example = "300490") @RequestParam(required = false) @NotBlank
            @Pattern(regexp = "\\d{6,10}", message = "must be 6 to 10 digits") String hsCode,
            @Parameter(example = "MEDICINE") @RequestParam(required = false) @NotBlank
            @GoodsCategory String category) {
        return lookup.of(hsCode, category)
                .<ResponseEntity<?>>map(r -> ResponseEntity.ok(new RequirementsResponse(hsCode, category,
                        r.goods().treatment(), r.goods().reason(), r.authority().map(RequirementsController::view)
                        .orElse(null), r.goods().documents(), rules.alwaysRequiredDocuments(),
                        r.reviewDeadline().map(DeadlineView::of).orElse(null),
                        r.approvals().stream().map(ApprovalView::of).toList())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "No classification rule covers these goods")));
    }

    private static AuthorityView view(Authority a) {
        return new AuthorityView(a.code(), a.name(), a.ministry());
    }
}
