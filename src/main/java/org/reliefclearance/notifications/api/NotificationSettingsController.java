package org.reliefclearance.notifications.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;

import org.reliefclearance.identity.EmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.reliefclearance.consignment.Caller;
import org.reliefclearance.identity.NotificationMode;
import org.reliefclearance.identity.UserProfile;
import org.reliefclearance.identity.UserProfiles;
import org.reliefclearance.words.Languages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own notification settings: where mails go, in which language, each new task at once or
 * a digest. Whose settings is taken from the authentication alone; nobody sets another user's.
 */
@Tag(name = "Notifications", description = "Your e-mail address, language and digest choice")
@RestController
class NotificationSettingsController {

    private final UserProfiles profiles;

    NotificationSettingsController(UserProfiles profiles) {
        this.profiles = profiles;
    }

    record Settings(
            @Schema(example = "anna@wfp.example.org") String email,
            @Schema(example = "en", allowableValues = {"en", "lo"}) String language,
            @Schema(example = "IMMEDIATE") NotificationMode mode) {

        static Settings of(UserProfile profile) {
            return new Settings(profile.email(), profile.language().toLanguageTag(), profile.mode());
        }
    }

    record SettingsRequest(
            @Schema(example = "anna@wfp.example.org") @NotBlank @Size(max = 254)
            @Email(regexp = EmailAddress.PATTERN, message = EmailAddress.MESSAGE)
            String email,
            @Schema(example = "lo", allowableValues = {"en", "lo"}) @NotBlank
            @Pattern(regexp = "en|lo", message = "must be en (English) or lo (Lao)") String language,
            @Schema(example = "DIGEST", description = "IMMEDIATE: a mail per new task; DIGEST: one mail listing "
                    + "them every relief.notifications.digest-interval") @NotNull NotificationMode mode) {
    }

    @Operation(summary = "Your notification settings")
    @GetMapping("/api/me/notifications")
    Settings get(@Parameter(hidden = true) Caller caller) {
        return Settings.of(profiles.find(caller.userId()).orElseThrow());
    }

    @Operation(summary = "Change your notification settings; an invalid value is refused (400 naming the field) "
            + "and nothing is changed")
    @PutMapping("/api/me/notifications")
    Settings put(@Valid @RequestBody SettingsRequest request, @Parameter(hidden = true) Caller caller) {
        profiles.update(caller.userId(), request.email().strip(), Languages.of(request.language()).orElseThrow(),
                request.mode());
        return Settings.of(profiles.find(caller.userId()).orElseThrow());
    }
}
