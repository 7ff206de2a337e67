package org.reliefclearance.notifications;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed: {@code X-Relief-Signature: sha256=<hex>}, the HMAC-SHA256 of
 * {@code "<X-Relief-Timestamp>.<body>"} keyed with the secret's text (UTF-8). The timestamp inside the
 * signature lets a receiver refuse a delivery replayed later than its window (5 minutes).
 */
public final class WebhookSignature {

    public static final String TIMESTAMP = "X-Relief-Timestamp";
    public static final String SIGNATURE = "X-Relief-Signature";
    public static final String EVENT_ID = "X-Relief-Event-Id";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** The header value for this body sent at {@code timestamp} (unix seconds). */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    static String newSecret() {
        return random(32);
    }

    /** A random token, base64url: the handshake's challenge. */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
