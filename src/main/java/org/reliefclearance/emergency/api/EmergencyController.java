package org.reliefclearance.emergency.api;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reliefclearance.emergency.Emergency;
import org.reliefclearance.emergency.EmergencyState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Emergencies", description = "National emergency in force (public)")
@RestController
class EmergencyController {

    private final EmergencyState emergencyState;

    EmergencyController(EmergencyState emergencyState) {
        this.emergencyState = emergencyState;
    }

    record EmergencyResponse(String code, String name, String provinces, OffsetDateTime startsAt,
                             OffsetDateTime endsAt) {

        static EmergencyResponse of(Emergency e) {
            return new EmergencyResponse(e.code(), e.name(), e.provinces(), e.startsAt(), e.endsAt());
        }
    }

    @Operation(summary = "The national emergency in force now (shorter deadlines, release before declaration); "
            + "404 when there is none")
    @SecurityRequirements
    @GetMapping("/api/emergencies/active")
    ResponseEntity<?> active() {
        return emergencyState.active()
                .<ResponseEntity<?>>map(e -> ResponseEntity.ok(EmergencyResponse.of(e)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "No national emergency is in force")));
    }
}
