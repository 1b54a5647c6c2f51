package dev.quire.lists.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.lists.message.Addresses;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;

/**
 * {@code implicit-destination}: the list requires an explicit destination and neither its posting
 * address nor one of its acceptable aliases (an address, or a {@code ^} regular expression, per line) is in
 * the post's To or Cc, as with a blind copy or a post through a forwarding alias.
 */
@ApplicationScoped
public class ImplicitDestination implements Rule {
    @Override
    public String name() {
        return "implicit-destination";
    }

    @Override
    public boolean matches(Post post) {
        if (!post.list().posting().requireExplicitDestination()) {
            return false;
        }
        List<EmailAddress> recipients = new ArrayList<>(Addresses.in(post.message(), "To"));
        recipients.addAll(Addresses.in(post.message(), "Cc"));
        EmailAddress list = post.list().postingAddress();
        List<String> aliases = post.list().posting().acceptableAliases() == null
                ? List.of()
                : post.list().posting().acceptableAliases().lines().map(String::strip).filter(a -> !a.isEmpty())
                        .toList();
        for (EmailAddress r : recipients) {
            if (r.toString().equalsIgnoreCase(list.toString()) || aliases.stream().anyMatch(a -> names(a, r))) {
                return false;
            }
        }
        post.addReason(name(), "the list's address " + list + " is not in To or Cc");
        return true;
    }

    static boolean names(String alias, EmailAddress recipient) {
        if (!alias.startsWith("^")) {
            return alias.equalsIgnoreCase(recipient.toString());
        }
        try {
            return Pattern.compile(alias, Pattern.CASE_INSENSITIVE).matcher(recipient.toString()).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
