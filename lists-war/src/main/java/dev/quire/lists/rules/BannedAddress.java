package dev.quire.lists.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.Ban;
import dev.quire.db.list.BanRepository;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;

/**
 * {@code banned-address}: a sender of the post is banned from the list or from the whole site, by its
 * exact address (any case) or by a pattern starting with {@code ^} (a regular expression, any case).
 */
@ApplicationScoped
public class BannedAddress implements Rule {
    @Inject
    BanRepository bans;

    @Override
    public String name() {
        return "banned-address";
    }

    @Override
    public boolean matches(Post post) {
        List<Ban> applicable = bans.applicable(post.list());
        for (EmailAddress sender : post.senders()) {
            for (Ban ban : applicable) {
                if (bans(ban, sender.toString())) {
                    post.addReason(name(), sender + " is banned " + (ban.list() == null
                            ? "from this site"
                            : "from this list"));
                    return true;
                }
            }
        }
        return false;
    }

    static boolean bans(Ban ban, String address) {
        if (!ban.isRegex()) {
            return ban.pattern().toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT));
        }
        try {
            return Pattern.compile(ban.pattern(), Pattern.CASE_INSENSITIVE).matcher(address).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
