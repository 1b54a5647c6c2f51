package dev.quire.lists;

import java.util.ArrayList;
import java.util.List;

import dev.quire.mail.Notice;
import dev.quire.lists.notice.Notifier;
import dev.quire.mail.EmailAddress;

/** A notifier that keeps what it would have sent, with the envelope sender. */
public final class RecordingNotifier extends Notifier {
    /** One notice and its envelope sender (null for the null sender). */
    public record Sent(EmailAddress envelopeSender, Notice notice) {
    }

    public final List<Sent> sent = new ArrayList<>();

    @Override
    public void send(EmailAddress envelopeSender, Notice notice) {
        sent.add(new Sent(envelopeSender, notice));
    }

    /** The notices sent to one address. */
    public List<Notice> to(String address) {
        return sent.stream().map(Sent::notice)
                .filter(n -> n.to().stream().anyMatch(a -> a.toString().equalsIgnoreCase(address)))
                .toList();
    }
}
