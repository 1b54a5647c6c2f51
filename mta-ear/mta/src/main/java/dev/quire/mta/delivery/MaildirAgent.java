package dev.quire.mta.delivery;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.MessageBody;

/**
 * Delivers to Maildirs under the mail directory, at the path the layout gives ({@code %d/%u} by default:
 * {@code <mail dir>/<domain>/<user>/}; {@code %d} is the domain, {@code %u} the local part, {@code %a} the whole
 * address, all lower-cased, as Dovecot's {@code %d}, {@code %n} and {@code %u}): the message goes to {@code tmp/}
 * under the standard unique name ({@code seconds.MmicrosPpidQn.host,S=size}), is fsynced, and is renamed into
 * {@code new/}, mode 0600, with Return-Path and Delivered-To prepended as Postfix's local agent does.
 */
public final class MaildirAgent implements DeliveryAgent {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._+=-]{1,64}");
    private static final AtomicLong COUNTER = new AtomicLong();

    /** The layout of Quire's first releases. */
    public static final String DEFAULT_LAYOUT = "%d/%u";
    private static final Pattern LAYOUT = Pattern.compile("([A-Za-z0-9._+=-]|%[dua%])+(/([A-Za-z0-9._+=-]|%[dua%])+)*");

    private final Path mailRoot;
    private final String hostname;
    private final String layout;

    public MaildirAgent(Path mailRoot, String hostname) {
        this(mailRoot, hostname, DEFAULT_LAYOUT);
    }

    /**
     * @param layout the Maildir's path below the mail directory, e.g. {@code %d/%u/Maildir} or {@code %a}
     * @throws IllegalArgumentException if the layout is not a relative path of names and placeholders
     */
    public MaildirAgent(Path mailRoot, String hostname, String layout) {
        if (!LAYOUT.matcher(layout).matches() || !layout.contains("%") || java.util.Arrays.stream(layout.split("/"))
                .anyMatch(seg -> seg.equals(".") || seg.equals(".."))) {
            throw new IllegalArgumentException("quire.maildir.layout must be a relative path of names and %d, %u, %a"
                    + " (and %%), naming the user: " + layout);
        }
        this.mailRoot = mailRoot;
        this.hostname = hostname.replace("/", "\\057").replace(":", "\\072");
        this.layout = layout;
    }

    @Override
    public Map<EmailAddress, Outcome> deliver(Envelope envelope, MessageBody message, List<EmailAddress> recipients) {
        Map<EmailAddress, Outcome> out = new LinkedHashMap<>();
        for (EmailAddress r : recipients) {
            out.put(r, deliverOne(envelope, message, r));
        }
        return out;
    }

    /** The Maildir of a local address. */
    public Path maildir(EmailAddress address) {
        String domain = address.domain().toLowerCase(Locale.ROOT);
        String user = address.localPart().toLowerCase(Locale.ROOT);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < layout.length(); i++) {
            char c = layout.charAt(i);
            if (c != '%') {
                path.append(c);
                continue;
            }
            char p = layout.charAt(++i);
            path.append(p == 'd' ? domain : p == 'u' ? user : p == 'a' ? user + "@" + domain : "%");
        }
        return mailRoot.resolve(path.toString());
    }

    private Outcome deliverOne(Envelope envelope, MessageBody message, EmailAddress recipient) {
        if (!SAFE.matcher(recipient.localPart()).matches() || !SAFE.matcher(recipient.domain()).matches()) {
            return Outcome.failed("550 5.1.3 mailbox name not usable for a Maildir");
        }
        Path dir = maildir(recipient);
        if (!dir.normalize().startsWith(mailRoot.normalize()) || dir.normalize().equals(mailRoot.normalize())) {
            return Outcome.failed("550 5.1.3 mailbox name not usable for a Maildir");
        }
        try {
            for (String sub : new String[]{"tmp", "new", "cur"}) {
                Files.createDirectories(dir.resolve(sub));
            }
            long size = message.size();
            long now = System.currentTimeMillis();
            String unique = (now / 1000) + ".M" + (now % 1000) * 1000 + "P" + ProcessHandle.current().pid() + "Q"
                    + COUNTER.incrementAndGet() + "." + hostname;
            Path tmp = dir.resolve("tmp").resolve(unique);
            byte[] prefix = ("Return-Path: <" + (envelope.sender() == null ? "" : envelope.sender()) + ">\r\n"
                    + "Delivered-To: " + recipient + "\r\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                            "rw-------")));
                    InputStream in = message.open()) {
                OutputStream os = new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024);
                os.write(prefix);
                in.transferTo(os);
                os.flush();
                ch.force(true);
            }
            Path target = dir.resolve("new").resolve(unique + ",S=" + (size + prefix.length));
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel d = FileChannel.open(dir.resolve("new"), StandardOpenOption.READ)) {
                d.force(true);
            }
            return Outcome.delivered("delivered to maildir " + target.getFileName());
        } catch (IOException e) {
            return Outcome.retry("451 4.3.0 maildir delivery failed: " + e.getMessage());
        }
    }
}
