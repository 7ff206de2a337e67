package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.NotificationJson;
import org.reliefclearance.clearance.ConsignmentDetails;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.ConsignmentAccess;
import org.reliefclearance.consignment.ConsignmentQueries;
import org.reliefclearance.consignment.ConsignmentRules;
import org.reliefclearance.documents.UploadLimits;
import org.reliefclearance.registry.Port;
import org.reliefclearance.registry.Province;
import org.reliefclearance.registry.Provinces;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.screening.GoodsCategories;
import org.reliefclearance.words.Vocabulary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a notification must look like, checked by the API layer alone: each bad field is named in
 * a 400 problem, and the registration (which would store a row and start a case) is never
 * reached. ConsignmentApiTest checks the same contract end to end, against the database.
 */
@WebMvcTest(ConsignmentController.class)
@AutoConfigureMockMvc(addFilters = false)
@WithMockUser("wfp")
class NotificationValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the validators and the page configuration need besides the mocks below. */
    @TestConfiguration
    @EnableConfigurationProperties(ConsignmentRules.class)
    @Import({Vocabulary.class, UploadLimits.class})
    static class Rules {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ConsignmentRegistration registration;
    @MockitoBean
    ConsignmentAccess access;
    @MockitoBean
    ConsignmentDetails details;
    @MockitoBean
    ConsignmentQueries queries;
    @MockitoBean
    Registry registry;
    @MockitoBean
    GoodsCategories categories;
    @MockitoBean
    Provinces provinces;

    @BeforeEach
    void referenceData() {
        when(access.caller(any())).thenReturn(
                new Caller("wfp", List.of("org-wfp"), "WFP", false, false, Set.of(), Set.of()));
        when(registry.port(anyString())).thenReturn(Optional.empty());
        when(registry.port("WATTAY")).thenReturn(Optional.of(new Port("WATTAY", "Wattay", "AIRPORT", "customs-port-wattay",
                "customs-port-wattay-heads")));
        when(categories.all()).thenReturn(List.of("MEDICINE", "SHELTER", "FOOD"));
        when(provinces.find(anyString())).thenReturn(Optional.empty());
        when(provinces.find("LA-VT")).thenReturn(Optional.of(new Province("LA-VT", "Vientiane Capital", "ນະຄອນຫຼວງວຽງຈັນ")));
    }

    static Stream<Arguments> invalidNotifications() {
        String tooFar = OffsetDateTime.now(ZoneOffset.UTC).plusYears(3).toString();
        String longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(90).toString();
        return Stream.of(
                Arguments.of("portOfEntry", null, "portOfEntry"),
                Arguments.of("portOfEntry", "NOWHERE", "portOfEntry"),
                Arguments.of("portOfEntry", "x".repeat(41), "portOfEntry"),
                Arguments.of("destinationProvince", null, "destinationProvince"),
                Arguments.of("destinationProvince", "", "destinationProvince"),
                Arguments.of("destinationProvince", "LA-XX", "destinationProvince"),
                Arguments.of("expectedArrival", null, "expectedArrival"),
                Arguments.of("expectedArrival", tooFar, "expectedArrival"),
                Arguments.of("expectedArrival", longAgo, "expectedArrival"),
                Arguments.of("expectedArrival", "next tuesday", "expectedArrival"),
                Arguments.of("transportDocumentType", null, "transportDocumentType"),
                Arguments.of("transportDocumentType", "FAX", "transportDocumentType"),
                Arguments.of("transportDocumentNumber", " ", "transportDocumentNumber"),
                Arguments.of("transportDocumentNumber", "9".repeat(61), "transportDocumentNumber"),
                Arguments.of("donor", "d".repeat(201), "donor"),
                Arguments.of("lines/0/description", "", "lines[0].description"),
                Arguments.of("lines/0/description", "d".repeat(501), "lines[0].description"),
                Arguments.of("lines/0/hsCode", null, "lines[0].hsCode"),
                Arguments.of("lines/0/hsCode", "30049", "lines[0].hsCode"),
                Arguments.of("lines/0/hsCode", "30049012345", "lines[0].hsCode"),
                Arguments.of("lines/1/hsCode", "6306-22", "lines[1].hsCode"),
                Arguments.of("lines/0/category", "WEAPONS", "lines[0].category"),
                Arguments.of("lines/0/category", null, "lines[0].category"),
                Arguments.of("lines/0/quantity", 0, "lines[0].quantity"),
                Arguments.of("lines/0/quantity", -5, "lines[0].quantity"),
                Arguments.of("lines/0/quantity", null, "lines[0].quantity"),
                Arguments.of("lines/0/quantity", "1.0001", "lines[0].quantity"),
                Arguments.of("lines/0/quantity", "many", "lines[0].quantity"),
                Arguments.of("lines/0/unit", "", "lines[0].unit"),
                Arguments.of("lines/0/unit", "u".repeat(21), "lines[0].unit"),
                Arguments.of("lines/1/valueUsd", 0, "lines[1].valueUsd"),
                Arguments.of("lines/1/valueUsd", null, "lines[1].valueUsd"),
                Arguments.of("lines/1/valueUsd", "12.345", "lines[1].valueUsd"),
                Arguments.of("lines/0/grossWeightKg", -1, "lines[0].grossWeightKg"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidNotifications")
    void invalidFieldIsNamedAndNothingIsRegistered(String path, Object value, String field) throws Exception {
        ObjectNode body = ApiClient.validNotification();
        NotificationJson.set(body, path, value);

        assertRejectedNaming(post(body.toString(), null), field);
    }

    @Test
    void theValidNotificationUsedAboveReachesTheRegistration() throws Exception {
        post(ApiClient.validNotification().toString(), null);

        verify(registration).register(any(), eq("wfp"), isNull());
    }

    @Test
    void notificationWithoutLinesOrWithTooManyIsRejected() throws Exception {
        ObjectNode none = ApiClient.validNotification();
        none.putArray("lines");
        assertRejectedNaming(post(none.toString(), null), "lines");

        ObjectNode tooMany = ApiClient.validNotification();
        ArrayNode lines = tooMany.putArray("lines");
        for (int i = 0; i <= NotificationRequest.MAX_LINES; i++) {
            lines.add(ApiClient.validNotification().at("/lines/1").deepCopy());
        }
        assertRejectedNaming(post(tooMany.toString(), null), "lines");

        ObjectNode nullLine = ApiClient.validNotification();
        ((ArrayNode) nullLine.get("lines")).addNull();
        assertRejectedNaming(post(nullLine.toString(), null), "lines[2]");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() throws Exception {
        ObjectNode body = ApiClient.validNotification();
        NotificationJson.set(body, "portOfEntry", "NOWHERE");
        NotificationJson.set(body, "lines/0/hsCode", "12");
        NotificationJson.set(body, "lines/1/quantity", -1);

        JsonNode problem = assertRejectedNaming(post(body.toString(), null), "portOfEntry");
        assertThat(fields(problem)).contains("portOfEntry", "lines[0].hsCode", "lines[1].quantity");
    }

    @Test
    void unreadableBodyIsAProblemWithoutInternals() {
        MvcTestResult rejected = post("{\"lines\": [", null);

        assertThat(rejected).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(rejected).bodyText().doesNotContain("jackson", "Exception", "at org.");
        verifyNoInteractions(registration);
    }

    @Test
    void overlongOrBlankIdempotencyKeyIsRejected() throws Exception {
        assertRejectedNaming(post(ApiClient.validNotification().toString(), "k".repeat(101)), "Idempotency-Key");
        assertRejectedNaming(post(ApiClient.validNotification().toString(), " "), "Idempotency-Key");
    }

    @Test
    void badListParametersAreNamed() throws Exception {
        assertNaming(mvc.get().uri("/api/consignments?status=LOST").exchange(), "status");
        assertNaming(mvc.get().uri("/api/consignments?size=1000").exchange(), "size");
        assertNaming(mvc.get().uri("/api/consignments?page=-1").exchange(), "page");
        verifyNoInteractions(queries);
    }

    private MvcTestResult post(String body, String idempotencyKey) {
        var request = mvc.post().uri("/api/consignments").contentType(MediaType.APPLICATION_JSON).content(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    private JsonNode assertRejectedNaming(MvcTestResult result, String field) throws Exception {
        JsonNode problem = assertNaming(result, field);
        verifyNoInteractions(registration);
        return problem;
    }

    private static JsonNode assertNaming(MvcTestResult result, String field) throws Exception {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
        assertThat(fields(problem)).as("%s", problem).contains(field);
        assertThat(problem.at("/errors/0/message").asText()).isNotBlank();
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

}
