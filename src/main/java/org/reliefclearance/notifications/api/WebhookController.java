package org.reliefclearance.notifications.api;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.reliefclearance.consignment.ActionForbiddenException;
import org.reliefclearance.consignment.Caller;
import org.reliefclearance.notifications.WebhookStatus;
import org.reliefclearance.notifications.Webhooks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's organisation's webhook. Which organisation is taken from the authentication alone: a
 * member manages its own organisation's webhook, nobody another's, and an official has none.
 */
@Tag(name = "Webhooks", description = "Your organisation's system receives the events of its consignments")
@RestController
@Validated
class WebhookController {

    static final String PATH = "/api/organisation/webhook";

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record WebhookRequest(
            @Schema(example = "https://erp.wfp.example.org/relief-events") @NotBlank @Size(max = 2000) String url) {
    }

    record WebhookView(String url, WebhookStatus status, OffsetDateTime createdAt, String registeredBy,
                       OffsetDateTime secretRotatedAt, int consecutiveFailures, OffsetDateTime disabledAt) {

        static WebhookView of(Webhooks.Webhook w) {
            return new WebhookView(w.url(), w.status(), w.createdAt(), w.registeredBy(), w.secretRotatedAt(),
                    w.consecutiveFailures(), w.disabledAt());
        }
    }

    record RegisteredView(String url, WebhookStatus status, OffsetDateTime createdAt,
                          @Schema(description = "The signing secret: shown this once; keep it in your system") String secret) {
    }

    record SecretView(@Schema(description = "The new signing secret: shown this once") String secret) {
    }

    @Operation(summary = "Register your organisation's webhook (or replace it)",
            description = "The URL must be https and reachable on the internet, and must answer the verification "
                    + "handshake: a POST of {\"type\":\"verification\",\"challenge\":\"...\"}, answered 2xx with the "
                    + "challenge in the body within a few seconds. Otherwise 400 naming url, and nothing is stored. "
                    + "The answer holds the signing secret, shown this once.")
    @PutMapping(PATH)
    RegisteredView register(@Valid @RequestBody WebhookRequest request, @Parameter(hidden = true) Caller caller) {
        Webhooks.Registered registered = webhooks.register(organisation(caller), caller.userId(), request.url());
        Webhooks.Webhook w = registered.webhook();
        return new RegisteredView(w.url(), w.status(), w.createdAt(), registered.secret());
    }

    @Operation(summary = "Your organisation's webhook: URL, status, failures in a row (never the secret)")
    @GetMapping(PATH)
    WebhookView get(@Parameter(hidden = true) Caller caller) {
        return webhooks.find(organisation(caller)).map(WebhookView::of).orElseThrow(WebhookController::none);
    }

    @Operation(summary = "Remove your organisation's webhook; events not delivered yet are dropped")
    @DeleteMapping(PATH)
    ResponseEntity<Void> delete(@Parameter(hidden = true) Caller caller) {
        if (!webhooks.remove(organisation(caller))) {
            throw none();
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A new signing secret, shown this once; deliveries are signed with it from now on")
    @PostMapping(PATH + "/secret")
    SecretView rotate(@Parameter(hidden = true) Caller caller) {
        return webhooks.rotateSecret(organisation(caller)).map(SecretView::new).orElseThrow(WebhookController::none);
    }

    @Operation(summary = "Enable the webhook again after it was disabled; the events that waited are delivered")
    @PostMapping(PATH + "/enable")
    WebhookView enable(@Parameter(hidden = true) Caller caller) {
        return webhooks.enable(organisation(caller)).map(WebhookView::of).orElseThrow(WebhookController::none);
    }

    record DeliveriesView(List<Webhooks.Delivery> deliveries, int page, int size, long total) {
    }

    @Operation(summary = "The delivery log: each attempt, latest first (time, event, HTTP status or error, duration)")
    @GetMapping(PATH + "/deliveries")
    DeliveriesView deliveries(@RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                              @Parameter(hidden = true) Caller caller) {
        Webhooks.Deliveries d = webhooks.deliveries(organisation(caller), page, size);
        return new DeliveriesView(d.deliveries(), d.page(), d.size(), d.total());
    }

    private static String organisation(Caller caller) {
        if (caller.organisationCode() == null) {
            throw new ActionForbiddenException("Webhooks are for members of a registered organisation");
        }
        return caller.organisationCode();
    }

    private static ResponseStatusException none() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Your organisation has no webhook");
    }
}
