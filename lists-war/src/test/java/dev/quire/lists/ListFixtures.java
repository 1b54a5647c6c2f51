package dev.quire.lists;

import java.nio.charset.StandardCharsets;

import dev.quire.db.domain.Domain;
import dev.quire.db.domain.DomainKind;
import dev.quire.db.list.MailingList;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;

/** Literal lists and messages for unit tests. */
public final class ListFixtures {
    private ListFixtures() {
    }

    public static MailingList demo() {
        return new MailingList(new Domain("lists.example.test", DomainKind.LIST), "demo", "Demo list", "[demo] ");
    }

    public static MailMessage message(String text) {
        return MailMessage.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Post post(String text) {
        return new Post(demo(), EmailAddress.parse("alice@example.test"), message(text));
    }

    /** Settings as a test site has them: a fixed host name and web URL. */
    public static dev.quire.lists.config.ListsSettings settings() {
        return new dev.quire.lists.config.ListsSettings() {
            @Override
            public String hostname() {
                return "lists.example.test";
            }

            @Override
            public String webUrl() {
                return "https://lists.example.test";
            }
        };
    }
}
