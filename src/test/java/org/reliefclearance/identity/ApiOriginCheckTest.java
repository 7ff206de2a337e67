package org.reliefclearance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Which Origin a data-changing /api request may carry, for a service reached at https://relief.example. */
class ApiOriginCheckTest {

    private final ApiOriginCheck check = new ApiOriginCheck(
            List.of("https://portal.relief.example", " http://LOCALHOST:3000/ "), new ObjectMapper());

    @ParameterizedTest(name = "{0} with Origin {1}: {2}")
    @CsvSource({
            "POST,   https://relief.example,            200",
            "POST,   https://relief.example:443,        200",
            "PUT,    HTTPS://Relief.Example,            200",
            "POST,   https://portal.relief.example,     200",
            "DELETE, http://localhost:3000,             200",
            "POST,   ,                                  200",
            "GET,    https://elsewhere.example,         200",
            "OPTIONS, https://elsewhere.example,        200",
            "POST,   https://elsewhere.example,         403",
            "PATCH,  https://elsewhere.example,         403",
            "DELETE, https://elsewhere.example,         403",
            "POST,   http://relief.example,             403",
            "POST,   https://relief.example:8443,       403",
            "POST,   https://relief.example.evil.test,  403",
            "POST,   https://portal.relief.example:444, 403",
            "POST,   null,                              403",
            "POST,   file://,                           403",
            "POST,   not a url,                         403"})
    void decides(String method, String origin, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/consignments");
        request.setScheme("https");
        request.setServerName("relief.example");
        request.setServerPort(443);
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        check.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(chain.getRequest() != null).as("passed on").isEqualTo(status == 200);
        if (status == 403) {
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString()).contains("\"status\":403");
        }
    }
}
