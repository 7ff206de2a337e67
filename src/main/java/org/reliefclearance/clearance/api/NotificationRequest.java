package org.reliefclearance.clearance.api;

import static org.reliefclearance.consignment.ListedIn.Catalogue.TRANSPORT_DOCUMENT_TYPES;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import org.reliefclearance.consignment.ListedIn;
import org.reliefclearance.consignment.NewConsignment;
import org.reliefclearance.screening.GoodsCategory;

/** A pre-arrival notification as the consignee submits it. Sizes follow the table columns. */
record NotificationRequest(
        @Schema(example = "WATTAY", description = "Port of entry code from the registry")
        @NotBlank @Size(max = 40) @KnownPort String portOfEntry,
        @Schema(example = "LA-AT", description = "Province the goods are bound for (ISO 3166-2:LA code); an emergency's"
                + " rules apply when an emergency in force covers it")
        @NotBlank @KnownProvince String destinationProvince,
        @Schema(example = "2026-03-02T09:30:00+07:00")
        @NotNull @PlausibleArrival OffsetDateTime expectedArrival,
        @Schema(example = "AIR_WAYBILL", allowableValues = {"AIR_WAYBILL", "BILL_OF_LADING", "CMR",
                "RAIL_CONSIGNMENT_NOTE"})
        @NotBlank @ListedIn(TRANSPORT_DOCUMENT_TYPES) String transportDocumentType,
        @Schema(example = "157-12345675")
        @NotBlank @Size(max = 60) String transportDocumentNumber,
        @Schema(example = "ECHO")
        @Size(max = 200) String donor,
        @Schema(description = "Goods may be released before the full declaration, which must follow within the deadline")
        Boolean provisionalDeclaration,
        @NotEmpty @Size(max = MAX_LINES) List<@NotNull @Valid Line> lines) {

    static final int MAX_LINES = 200;

    record Line(
            @Schema(example = "Oral rehydration salts, sachets")
            @NotBlank @Size(max = 500) String description,
            @Schema(example = "300490", description = "6 to 10 digits")
            @NotBlank @Pattern(regexp = "\\d{6,10}", message = "must be 6 to 10 digits") String hsCode,
            @Schema(example = "MEDICINE")
            @NotBlank @GoodsCategory String category,
            @Schema(example = "20000")
            @NotNull @Positive @Digits(integer = 15, fraction = 3) BigDecimal quantity,
            @Schema(example = "sachet")
            @NotBlank @Size(max = 20) String unit,
            @Schema(example = "4200.00")
            @NotNull @Positive @Digits(integer = 16, fraction = 2) BigDecimal valueUsd,
            @Schema(example = "380.5")
            @Positive @Digits(integer = 15, fraction = 3) BigDecimal grossWeightKg) {
    }

    /** The same notification as the API would receive it, to check it with the API's rules. */
    static NotificationRequest of(NewConsignment n) {
        return new NotificationRequest(n.portCode(), n.destinationProvince(), n.expectedArrival(), n.transportDocumentType(),
                n.transportDocumentNumber(), n.donor(), n.provisionalDeclaration(), n.lines().stream()
                .map(l -> new Line(l.description(), l.hsCode(), l.category(), l.quantity(), l.unit(), l.valueUsd(),
                        l.grossWeightKg())).toList());
    }

    NewConsignment toNewConsignment(String organisationCode) {
        return new NewConsignment(organisationCode, portOfEntry, destinationProvince, expectedArrival, transportDocumentType,
                transportDocumentNumber, donor, Boolean.TRUE.equals(provisionalDeclaration),
                lines.stream().map(l -> new NewConsignment.Line(l.description(), l.hsCode(), l.category(),
                        l.quantity(), l.unit(), l.valueUsd(), l.grossWeightKg())).toList());
    }
}
