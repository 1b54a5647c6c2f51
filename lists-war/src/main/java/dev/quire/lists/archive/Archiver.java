package dev.quire.lists.archive;

import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

import dev.quire.db.archive.ArchivedMessage;
import dev.quire.db.archive.ArchivedMessageRepository;
import dev.quire.db.list.MailingList;
import dev.quire.lists.message.MailMessage;

/**
 * Stores one message in a list's archive, inside the caller's transaction: skipped when the list already
 * holds its Message-ID; threaded under the archived message its In-Reply-To names, else the nearest one its
 * References name (last first); the thread id is the root's id. Replies archived before the message they
 * answer (the MTA delivers in parallel) are adopted when it arrives.
 */
@ApplicationScoped
public class Archiver {
    private static final Logger LOG = Logger.getLogger(Archiver.class.getName());

    @Inject
    ArchivedMessageRepository archive;

    protected Archiver() {
    }

    public Archiver(ArchivedMessageRepository archive) {
        this.archive = archive;
    }

    /** The Message-ID a message is archived under (brackets removed), synthetic when it has none. */
    public static String messageId(MailMessage m, byte[] raw) {
        List<String> ids = MessageIds.parse(m.header("Message-ID").orElse(null));
        return ids.isEmpty() ? MessageIds.synthetic(raw) : ids.get(0);
    }

    /**
     * A message read for the archive: its row, not stored yet, and the Message-IDs that may name its parent,
     * nearest first (In-Reply-To, then References from the last).
     */
    record Prepared(ArchivedMessage message, List<String> parents) {
    }

    /** Reads a message into its archive row (decoding, threading fields, text for search). */
    static Prepared prepare(MailingList list, byte[] raw) {
        MailMessage m = MailMessage.parse(raw);
        String id = messageId(m, raw);
        byte[] hash = MessageIds.hash(id);
        List<String> inReplyTo = MessageIds.parse(m.header("In-Reply-To").orElse(null));
        List<String> references = MessageIds.parse(m.header("References").orElse(null));
        List<String> candidates = new ArrayList<>(inReplyTo);
        for (int i = references.size() - 1; i >= 0; i--) {
            candidates.add(references.get(i));
        }
        String from = m.header("From").orElse(null);
        String text;
        try {
            text = PlainText.of(raw);
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "no text extracted from <" + id + ">: " + e.getMessage());
            text = "";
        }
        ArchivedMessage a = new ArchivedMessage(list, cut(id, 998), hash,
                inReplyTo.isEmpty() ? null : cut(inReplyTo.get(0), 998), cut(address(from), 254),
                cut(displayName(from), 200), cut(decode(m.header("Subject").orElse(null)), 998),
                date(m.header("Date").orElse(null)), text, raw);
        return new Prepared(a, candidates);
    }

    /** Stores a message; empty when the list's archive already has its Message-ID. */
    public Optional<ArchivedMessage> store(MailingList list, byte[] raw) {
        Prepared p = prepare(list, raw);
        ArchivedMessage a = p.message();
        if (archive.byMessageIdHash(list, a.messageIdHash()).isPresent()) {
            return Optional.empty();
        }
        ArchivedMessage parent = parent(list, p.parents());
        if (parent != null) {
            a.setParentId(parent.id());
            a.setThreadId(parent.threadId() == null ? parent.id() : parent.threadId());
        }
        archive.add(a);
        archive.countMonths(List.of(a.id()));
        if (parent == null) {
            a.setThreadId(a.id());
        }
        for (ArchivedMessage orphan : archive.orphansOf(list, a.messageId())) {
            orphan.setParentId(a.id());
            archive.moveThread(list, orphan.threadId(), a.threadId());
        }
        return Optional.of(a);
    }

    private ArchivedMessage parent(MailingList list, List<String> candidates) {
        for (String c : candidates) {
            Optional<ArchivedMessage> found = archive.byMessageIdHash(list, MessageIds.hash(c));
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    static String decode(String header) {
        return header == null ? null : DecoderUtil.decodeEncodedWords(header, DecodeMonitor.SILENT).strip();
    }

    /** The addr-spec of a From field: inside angle brackets, else the whole value. */
    static String address(String from) {
        if (from == null) {
            return null;
        }
        int lt = from.lastIndexOf('<');
        int gt = from.lastIndexOf('>');
        String a = lt >= 0 && gt > lt ? from.substring(lt + 1, gt) : from.replaceAll("\\(.*?\\)", "");
        return a.strip();
    }

    static String displayName(String from) {
        if (from == null) {
            return null;
        }
        int lt = from.lastIndexOf('<');
        String name = lt > 0 ? from.substring(0, lt) : from.replaceAll("^[^(]*\\(?", "").replaceAll("\\)$", "");
        name = decode(name.strip());
        if (name != null && name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name == null || name.isBlank() || name.contains("@") ? null : name;
    }

    static Instant date(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replaceAll("\\s*\\([^)]*\\)\\s*$", "").strip();
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
