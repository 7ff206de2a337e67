package org.reliefclearance.notifications;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.reliefclearance.consignment.InvalidInputException;

/**
 * Where a webhook may point: an absolute HTTPS URL (HTTP only where allowed) without credentials,
 * whose host resolves to public addresses only. Checked when the webhook is registered and again
 * before each delivery, so a name that later resolves into the service's own network is not called.
 */
final class WebhookUrlRule {

    static final String FIELD = "url";

    /** Resolves a host name (a seam for tests; the system's resolver otherwise). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final Resolver resolver;

    WebhookUrlRule(boolean allowHttp, boolean allowPrivate) {
        this(allowHttp, allowPrivate, InetAddress::getAllByName);
    }

    WebhookUrlRule(boolean allowHttp, boolean allowPrivate, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL, or a refusal naming the field {@code url} with the reason. */
    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw refused("must be an absolute URL such as https://example.org/relief-events");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw refused("must be an absolute URL such as https://example.org/relief-events");
        }
        if (scheme.equals("http") && !allowHttp) {
            throw refused("must use https: events are signed, but their content must not travel in clear");
        }
        if (uri.getUserInfo() != null) {
            throw refused("must not contain a user name or password");
        }
        if (uri.getFragment() != null) {
            throw refused("must not contain a fragment (#...)");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw refused("host " + host + " does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (internal(address)) {
                    throw refused("host " + host + " resolves to a private, loopback or link-local address ("
                            + address.getHostAddress() + "); the webhook must be reachable on the internet");
                }
            }
        }
        return uri;
    }

    /** Loopback, private (RFC 1918, IPv6 unique local), link-local, carrier-grade NAT, wildcard or multicast. */
    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 // 100.64.0.0/10
                || (b[0] & 0xff) == 0; // 0.0.0.0/8
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException(FIELD, message);
    }
}
