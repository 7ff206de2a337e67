package org.reliefclearance.emergency.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reliefclearance.consignment.Caller;
import org.reliefclearance.emergency.Emergency;
import org.reliefclearance.emergency.EmergencyCommands;
import org.reliefclearance.emergency.EmergencyState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Emergencies", description = "Emergencies in force, by province; declared and extended by MoLSW")
@RestController
class EmergencyController {

    private final EmergencyState emergencyState;
    private final EmergencyCommands commands;

    EmergencyController(EmergencyState emergencyState, EmergencyCommands commands) {
        this.emergencyState = emergencyState;
        this.commands = commands;
    }

    record EmergencyResponse(String code, String name, boolean allProvinces, List<String> provinces,
                             OffsetDateTime startsAt, OffsetDateTime endsAt, String status) {
    }

    record DeclarationRequest(
            @Schema(example = "Floods in Attapeu and Champasak") @NotBlank @Size(max = 200) String name,
            @Schema(example = "[\"LA-AT\", \"LA-CH\"]", description = "ISO 3166-2:LA codes, or [\"ALL\"] for all provinces")
            @NotEmpty @Size(max = 18) List<@NotBlank String> provinces,
            @NotNull OffsetDateTime startsAt,
            @NotNull OffsetDateTime endsAt) {
    }

    record ExtensionRequest(
            @Schema(description = "The new end, later than the current one") @NotNull OffsetDateTime endsAt,
            @Schema(example = "Water still rising in Sanamxay") @NotBlank @Size(max = 1000) String reason) {
    }

    @Operation(summary = "An emergency in force now; with province, one covering that province (shorter deadlines,"
            + " release before declaration); 404 when there is none")
    @SecurityRequirements
    @GetMapping("/api/emergencies/active")
    ResponseEntity<?> active(@RequestParam(required = false) String province) {
        return (province == null ? emergencyState.active() : emergencyState.activeFor(province))
                .<ResponseEntity<?>>map(e -> ResponseEntity.ok(response(e)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, province == null ? "No emergency is in force"
                                : "No emergency in force covers " + province)));
    }

    @Operation(summary = "Declare an emergency for a period and provinces (MoLSW); it may overlap others")
    @PostMapping("/api/emergencies")
    @ResponseStatus(HttpStatus.CREATED)
    EmergencyResponse declare(@Valid @RequestBody DeclarationRequest request, @Parameter(hidden = true) Caller caller) {
        return response(commands.declare(request.name(), request.provinces(), request.startsAt().toInstant(),
                request.endsAt().toInstant(), caller));
    }

    @Operation(summary = "Extend an emergency in force to a later end (MoLSW); its end timer moves")
    @PostMapping("/api/emergencies/{code}/extension")
    EmergencyResponse extend(@PathVariable String code, @Valid @RequestBody ExtensionRequest request,
                             @Parameter(hidden = true) Caller caller) {
        return response(commands.extend(code, request.endsAt().toInstant(), request.reason(), caller));
    }

    private EmergencyResponse response(Emergency e) {
        return new EmergencyResponse(e.code(), e.name(), e.allProvinces(), emergencyState.provincesOf(e.code()),
                e.startsAt(), e.endsAt(), e.status());
    }
}
