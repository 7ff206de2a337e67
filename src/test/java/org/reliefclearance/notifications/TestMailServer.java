package org.reliefclearance.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server in the test JVM (GreenMail), which every {@code @ServiceTest} context sends its
 * notifications to (see {@link Connected}). It can go down and come back on the same port, as a mail
 * server does during an outage.
 */
public final class TestMailServer {

    private static TestMailServer shared;

    /** A mail as received: recipient, subject, plain text and HTML. */
    public record Mail(String to, String subject, String text, String html) {

        /** Both parts, for checks that something is (not) anywhere in the mail. */
        public String all() {
            return subject + "\n" + text + "\n" + html;
        }
    }

    public static synchronized TestMailServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A server of its own (e.g. for nodes started outside the shared test context). */
    public static TestMailServer start() {
        return new TestMailServer();
    }

    /** Points the service's SMTP settings at {@link #shared()}. */
    public static final class Connected implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + shared().port())
                    .applyTo(context);
        }
    }

    private final int port;
    private GreenMail server;
    private final List<Mail> earlier = new ArrayList<>();

    private TestMailServer() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        port = server.getSmtp().getPort();
    }

    public int port() {
        return port;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Stops listening: connections are refused until {@link #comeBack()}. */
    public synchronized void goDown() {
        earlier.addAll(read(server));
        server.stop();
        server = null;
    }

    public synchronized void comeBack() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Every mail received so far. */
    public synchronized List<Mail> received() {
        List<Mail> all = new ArrayList<>(earlier);
        if (server != null) {
            all.addAll(read(server));
        }
        return all;
    }

    /** The mails to this address. */
    public List<Mail> to(String address) {
        return received().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** The mails whose subject or text contains {@code text} (e.g. a case's reference). */
    public List<Mail> about(String text) {
        return received().stream().filter(m -> m.subject().contains(text) || m.text().contains(text)).toList();
    }

    private static List<Mail> read(GreenMail server) {
        return Arrays.stream(server.getReceivedMessages()).map(TestMailServer::mail).toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            return new Mail(to == null || to.length == 0 ? "" : to[0].toString(), message.getSubject(),
                    text.toString(), html.toString());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html);
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(content);
        } else if (part.isMimeType("text/html")) {
            html.append(content);
        }
    }
}
