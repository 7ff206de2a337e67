package org.reliefclearance.recognition.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reliefclearance.recognition.ApplicationRefused;
import org.reliefclearance.recognition.RecognitionApplication;
import org.reliefclearance.recognition.RecognitionApplications;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation not yet registered applies for recognition during a national emergency. Open
 * without an account (the applicant has none yet); the service's rules limit it.
 */
@Tag(name = "Recognition", description = "Apply for recognition during a national emergency (public)")
@RestController
class RecognitionApplicationController {

    static final String PATH = "/api/recognition-applications";

    private final RecognitionApplications applications;

    RecognitionApplicationController(RecognitionApplications applications) {
        this.applications = applications;
    }

    record ApplicationRequest(
            @Schema(example = "Hope for Laos Foundation") String name,
            @Schema(example = "INGO", allowableValues = {"UN_AGENCY", "NATIONAL_SOCIETY", "INGO", "FOREIGN_GOVERNMENT"})
            String kind,
            @Schema(example = "Thailand") String country,
            @Schema(example = "Ministry of Labour and Social Welfare") String counterpartMinistry,
            @Schema(example = "Malee Srisuk") String contactName,
            @Schema(example = "malee@hopeforlaos.example.org") String contactEmail,
            @Schema(example = "+66 2 555 0100") String contactPhone,
            @Schema(example = "malee@hopeforlaos.example.org") String email,
            @Schema(description = "at least 12 characters, letters and digits or symbols") String password) {

        RecognitionApplication application() {
            return new RecognitionApplication(name, kind, country, counterpartMinistry, contactName, contactEmail,
                    contactPhone, email, password);
        }
    }

    @Operation(summary = "Apply for recognition during a national emergency",
            description = "Creates the organisation (status APPLIED), its user account and MoLSW's task to decide. "
                    + "Until MoLSW decides, the organisation's consignments wait for the decision. 409 when no "
                    + "emergency is in force or the name exists (errors name the field), 429 when too "
                    + "many applications wait already, 400 naming each invalid field; nothing is written then.")
    @SecurityRequirements
    @PostMapping(PATH)
    ResponseEntity<RecognitionApplications.Applied> apply(@RequestBody ApplicationRequest request) {
        RecognitionApplications.Applied applied = applications.apply(request.application());
        return ResponseEntity.created(URI.create(PATH + "/" + applied.organisationCode())).body(applied);
    }

    @ExceptionHandler(ApplicationRefused.class)
    ResponseEntity<ProblemDetail> refused(ApplicationRefused e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case DUPLICATE, NO_EMERGENCY -> HttpStatus.CONFLICT;
            case TOO_MANY_PENDING -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(switch (e.reason()) {
            case INVALID -> "Invalid request";
            case DUPLICATE -> "Already in the registry";
            case NO_EMERGENCY -> "No national emergency in force";
            case TOO_MANY_PENDING -> "Too many applications waiting";
        });
        List<ApplicationRefused.FieldProblem> errors = e.problems();
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }
}
