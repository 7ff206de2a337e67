package org.reliefclearance.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;

/**
 * The service's customs-system client against the simulator the demo runs, over HTTP: declarations in
 * ASYCUDA's numbering, the same one for the same key, and a refusal or a failure when told to.
 */
@ServiceTest
class CustomsSystemSimulatorTest {

    private static final String DECISION = """
            {"reference": "RC-2026-000901", "releaseNumber": "RN-WATTAY-2026-000901", "portCode": "WATTAY",
             "procedure": "%s", "lines": []}""";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;

    private CustomsSystem customs;

    @BeforeEach
    void clientOfTheSimulator() {
        customs = new CustomsSystem(new CustomsSystemProperties(
                "http://localhost:" + port + "/simulator/asycuda", Duration.ofSeconds(5), "PT1S", true));
        behave(Map.of("mode", "ACCEPT"));
    }

    @AfterEach
    void accepting() {
        behave(Map.of("mode", "ACCEPT"));
    }

    @Test
    void declaresOnceForOneKeyInAsycudaNumbering() {
        Declaration first = customs.declare("RC-2026-000901/RN-WATTAY-2026-000901", DECISION.formatted("IM4"));
        Declaration again = customs.declare("RC-2026-000901/RN-WATTAY-2026-000901", DECISION.formatted("IM4"));
        Declaration other = customs.declare("RC-2026-000902/RN-WATTAY-2026-000902", DECISION.formatted("IM8"));

        assertThat(first.declarationNumber()).matches("LAWATTAY \\d{4} C \\d{6}");
        assertThat(first.procedureCode()).isEqualTo("IM4");
        assertThat(first.releaseOrder()).startsWith("RO-LAWATTAY-");
        assertThat(again).isEqualTo(first);
        assertThat(other.declarationNumber()).isNotEqualTo(first.declarationNumber());
        assertThat(other.procedureCode()).isEqualTo("IM8");
    }

    @Test
    void refusesOrFailsWhenToldTo() {
        behave(Map.of("mode", "REFUSE", "reason", "Permit number unknown to the Ministry of Health"));
        assertThatThrownBy(() -> customs.declare("RC-2026-000903/RN-WATTAY-2026-000903", DECISION.formatted("IM4")))
                .isInstanceOf(CustomsRefusedException.class)
                .hasMessage("Permit number unknown to the Ministry of Health");

        behave(Map.of("mode", "FAIL"));
        assertThatThrownBy(() -> customs.declare("RC-2026-000903/RN-WATTAY-2026-000903", DECISION.formatted("IM4")))
                .isInstanceOf(CustomsSystemUnavailableException.class).hasMessageContaining("503");
    }

    private void behave(Map<String, Object> behaviour) {
        http.put("http://localhost:" + port + "/simulator/asycuda/behaviour", new HttpEntity<>(behaviour));
    }
}
