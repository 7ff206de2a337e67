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
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import org.reliefclearance.clearance.ConsignmentActions;
import org.reliefclearance.consignment.ListedIn;
import org.reliefclearance.consignment.NewConsignment;
import org.reliefclearance.screening.GoodsCategory;

/** Bodies of the actions on a running case. Text sizes fit the timeline's detail column. */
final class ActionRequests {

    /** Absent, or with something in it. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    private ActionRequests() {
    }

    record Information(
            @Schema(example = "MOH_FDD", description = "The authority whose review asked for information")
            @NotBlank @Size(max = 40) String authority,
            @Schema(example = "Certificate of analysis for batch 24-117 lodged as a document.")
            @NotBlank @Size(max = 2000) String response) {
    }

    record Withdrawal(
            @Schema(example = "Flight cancelled; goods rerouted by road via Thanaleng")
            @NotBlank @Size(max = 2000) String reason) {
    }

    record EmergencyRelease(
            @Schema(example = "[1, 3]", description = "Numbers of the lines to release: arrived, needing no permit")
            @NotEmpty @Size(max = NotificationRequest.MAX_LINES) List<@NotNull @Positive Integer> lines,
            @Schema(example = "Tents needed tonight in Sanamxay; exemption decision expected tomorrow")
            @NotBlank @Size(max = 1000) String reason) {
    }

    record Amendment(
            @Schema(example = "Airline moved the shipment to the next day's flight; 12 phones instead of 10")
            @NotBlank @Size(max = 1000) String reason,
            @Schema(example = "2026-03-03T09:30:00+07:00") @PlausibleArrival OffsetDateTime expectedArrival,
            // absent keeps the transport document's type and number; a blank one would erase it
            @Schema(example = "AIR_WAYBILL") @ListedIn(TRANSPORT_DOCUMENT_TYPES) @Pattern(regexp = NOT_BLANK,
                    message = "must not be blank") String transportDocumentType,
            @Schema(example = "157-12345686") @Size(max = 60) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String transportDocumentNumber,
            @Schema(description = "Changed lines (with their lineNo) and new lines (without one)")
            @Size(max = NotificationRequest.MAX_LINES) List<@NotNull @Valid AmendedLine> lines) {

        /** The same amendment as the API would receive it, to check one that comes another way. */
        static Amendment of(ConsignmentActions.Amendment a) {
            return new Amendment(a.reason(), a.expectedArrival(), a.transportDocumentType(), a.transportDocumentNumber(),
                    a.lines().stream().map(l -> new AmendedLine(l.lineNo(), l.goods().description(), l.goods().hsCode(),
                            l.goods().category(), l.goods().quantity(), l.goods().unit(), l.goods().valueUsd(),
                            l.goods().grossWeightKg())).toList());
        }

        ConsignmentActions.Amendment amendment() {
            return new ConsignmentActions.Amendment(reason, expectedArrival, transportDocumentType,
                    transportDocumentNumber, lines == null ? List.of() : lines.stream()
                    .map(l -> new ConsignmentActions.AmendedLine(l.lineNo(), new NewConsignment.Line(l.description(),
                            l.hsCode(), l.category(), l.quantity(), l.unit(), l.valueUsd(), l.grossWeightKg())))
                    .toList());
        }
    }

    record AmendedLine(
            @Schema(example = "2", description = "The line changed; absent for a new line") @Positive Integer lineNo,
            @Schema(example = "Satellite phones") @NotBlank @Size(max = 500) String description,
            @Schema(example = "851714") @NotBlank @Pattern(regexp = "\\d{6,10}", message = "must be 6 to 10 digits")
            String hsCode,
            @Schema(example = "TELECOM_EQUIPMENT") @NotBlank @GoodsCategory String category,
            @Schema(example = "12") @NotNull @Positive @Digits(integer = 15, fraction = 3) BigDecimal quantity,
            @Schema(example = "PCS") @NotBlank @Size(max = 20) String unit,
            @Schema(example = "10800.00") @NotNull @Positive @Digits(integer = 16, fraction = 2) BigDecimal valueUsd,
            @Schema(example = "48") @Positive @Digits(integer = 15, fraction = 3) BigDecimal grossWeightKg) {
    }

    record Tally(
            @Size(min = 1, max = NotificationRequest.MAX_LINES) @NotNull List<@NotNull @Valid TalliedLine> lines,
            @Schema(example = "20 tents missing from the pallets; airline's irregularity report PIR-0419")
            @Size(max = 1000) String note) {

        List<ConsignmentActions.TalliedLine> tally() {
            return lines.stream().map(l -> new ConsignmentActions.TalliedLine(l.lineNo(), l.receivedQuantity(),
                    Boolean.TRUE.equals(l.releaseAsReceived()))).toList();
        }
    }

    record TalliedLine(
            @Schema(example = "1") @NotNull @Positive Integer lineNo,
            @Schema(example = "180") @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 3) BigDecimal receivedQuantity,
            @Schema(description = "Release what arrived although it is short of the notification", example = "false")
            Boolean releaseAsReceived) {
    }

    record DistributionReport(
            @Schema(example = "Distributed with the provincial disaster committees, 3-9 March: 1,200 households.")
            @NotBlank @Size(max = 2000) String report,
            @Schema(description = "What went where: a quantity of a line at one location. A line may appear at"
                    + " several locations; its quantities together may not exceed what was imported, and the same"
                    + " line, province and place may appear only once")
            @Size(max = MAX_DISTRIBUTED) List<@NotNull @Valid Quantity> distributedQuantities) {

        /** Room for every line at many places, far more than a report holds. */
        static final int MAX_DISTRIBUTED = 1000;

        List<ConsignmentActions.DistributedQuantity> quantities() {
            return distributedQuantities == null ? List.of() : distributedQuantities.stream()
                    .map(q -> new ConsignmentActions.DistributedQuantity(q.lineNo(), q.quantity(), q.province(),
                            q.place())).toList();
        }
    }

    record Quantity(
            @Schema(example = "1") @NotNull @Positive Integer lineNo,
            @Schema(example = "12000") @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 3) BigDecimal quantity,
            @Schema(example = "LA-AT", description = "The province, by its ISO 3166-2:LA code: LA-VT (Vientiane"
                    + " Capital), LA-AT, LA-BK, LA-BL, LA-CH, LA-HO, LA-KH, LA-LM, LA-LP, LA-OU, LA-PH, LA-SL, LA-SV,"
                    + " LA-VI, LA-XA, LA-XE, LA-XI, LA-XS")
            @NotBlank @KnownProvince String province,
            @Schema(example = "Sanamxay district, Ban Hinlat camp", description = "District, village or camp (optional)")
            @Size(max = 200) String place) {
    }
}
