package org.reliefclearance.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reliefclearance.consignment.InvalidInputException;

/**
 * Where a webhook may point outside the demo and the tests: HTTPS only, never into a private,
 * loopback or link-local network (the shared test context allows both for its receiver on 127.0.0.1,
 * so the rule is tested here on its own). And the signature a receiver checks.
 */
class WebhookUrlRuleTest {

    /** Names resolve without DNS: a public host, and one that points into the service's network. */
    static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "erp.wfp.example.org" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
            case "rebound.example.org" -> new InetAddress[] {InetAddress.getByName("93.184.216.34"),
                    InetAddress.getByName("10.1.2.3")};
            case "unknown.example.org" -> throw new UnknownHostException(host);
            default -> InetAddress.getAllByName(host); // IP literals and localhost: no lookup
        };
    }

    final WebhookUrlRule production = new WebhookUrlRule(false, false, WebhookUrlRuleTest::resolve);

    @Test
    void aPublicHttpsUrlIsAccepted() {
        assertThat(production.check(" https://erp.wfp.example.org/relief-events?source=relief ").toString())
                .isEqualTo("https://erp.wfp.example.org/relief-events?source=relief");
        assertThat(production.check("https://93.184.216.34:8443/hook").getPort()).isEqualTo(8443);
    }

    @Test
    void plainHttpIsRefusedOutsideTheDemo() {
        assertRefused(production, "http://erp.wfp.example.org/relief-events", "must use https");
        assertThat(new WebhookUrlRule(true, false, WebhookUrlRuleTest::resolve)
                .check("http://erp.wfp.example.org/relief-events")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook",
            "https://10.0.0.5/hook", "https://172.16.4.1/hook", "https://192.168.1.10/hook",
            "https://169.254.169.254/latest/meta-data", "https://[fe80::1]/hook", "https://[fd12:3456::1]/hook",
            "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://rebound.example.org/hook"})
    void anAddressInsideAPrivateNetworkIsRefused(String url) {
        assertRefused(production, url, "private, loopback or link-local");
    }

    @Test
    void privateAddressesOnlyWhereAllowed() {
        assertThat(new WebhookUrlRule(true, true, WebhookUrlRuleTest::resolve).check("http://127.0.0.1:8081/hook"))
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "erp.wfp.example.org/hook", "ftp://erp.wfp.example.org/hook", "https:///hook",
            "https://exa mple.org/", "mailto:ops@wfp.example.org"})
    void whatIsNoWebUrlIsRefused(String url) {
        assertRefused(production, url, "must be an absolute URL");
    }

    @Test
    void credentialsAnUnknownHostAndAFragmentAreRefused() {
        assertRefused(production, "https://user:pw@erp.wfp.example.org/hook", "user name or password");
        assertRefused(production, "https://unknown.example.org/hook", "does not resolve");
        assertRefused(production, "https://erp.wfp.example.org/hook#x", "fragment");
    }

    @Test
    void theSignatureIsTheHmacOfTimestampAndBody() {
        // computed independently: python3 -c "import hmac,hashlib; print(hmac.new(b'whsec-test',
        //   b'1767225600.{\"id\":\"1\"}', hashlib.sha256).hexdigest())"
        assertThat(WebhookSignature.sign("whsec-test", 1767225600L, "{\"id\":\"1\"}"))
                .isEqualTo("sha256=f340da7c2f216b2c196d30e627dd8c234b72e3a91d3fde796f1a46db3ff5d993");
        assertThat(WebhookSignature.newSecret()).hasSize(43).matches("[A-Za-z0-9_-]+")
                .isNotEqualTo(WebhookSignature.newSecret());
    }

    private static void assertRefused(WebhookUrlRule rule, String url, String reason) {
        assertThatThrownBy(() -> rule.check(url)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("url"));
    }
}
