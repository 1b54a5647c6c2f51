package dev.quire.lists.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.ListAdminRepository;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.db.site.SiteAdminRepository;
import dev.quire.db.site.SiteAdminRepository.UserRow;
import dev.quire.db.user.PasswordHash;
import dev.quire.db.user.SecretHash;
import dev.quire.db.user.SiteUser;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.PasswordResets;
import dev.quire.mail.EmailAddress;

/**
 * Site users: create one (with a password, or with a reset link mailed to its address), give or take an
 * owner or moderator role on a list (a role is the list's member row with that role for the user's address),
 * and mail a password reset link (the same link as the login page's "forgot your password").
 */
@ApplicationScoped
public class SiteUsers {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    @Inject
    ListRights rights;

    @Inject
    SiteAdminRepository repository;

    @Inject
    ListAdminRepository lists;

    @Inject
    PasswordResets resets;

    @Transactional
    public List<UserRow> all(Account caller) {
        rights.requireSiteAdmin(caller);
        return repository.users();
    }

    /**
     * Creates a user; without a password the account gets an unguessable one and a reset link is mailed to its
     * address, so the new user chooses the password.
     *
     * @return true when a reset link was mailed
     */
    @Transactional
    public boolean create(Account caller, String username, String email, String password, boolean siteAdmin) {
        rights.requireSiteAdmin(caller);
        Map<String, String> bad = new LinkedHashMap<>();
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            bad.put("username", "must be 1 to 100 letters, digits, '.', '_', '@' or '-'");
        }
        EmailAddress address = email == null || email.isBlank()
                ? null
                : SiteLists.check(bad, "email", () -> Names.address("email", email));
        boolean mailLink = password == null || password.isEmpty();
        if (mailLink && address == null && !bad.containsKey("email")) {
            bad.put("password", "give a password, or an email address to mail a link to choose one");
        } else if (!mailLink && (password.length() < PasswordResets.MIN_LENGTH || password.length() > 1000)) {
            bad.put("password", "must be at least " + PasswordResets.MIN_LENGTH + " characters");
        }
        if (!bad.isEmpty()) {
            throw SiteRefusal.invalid("The user cannot be created as asked; nothing was created.", bad);
        }
        if (repository.user(name).isPresent()) {
            throw SiteRefusal.conflict("The user " + name + " exists already.");
        }
        if (address != null && repository.emailTaken(address)) {
            throw SiteRefusal.conflict("Another user has the address " + address + ".");
        }
        char[] secret = mailLink ? SecretHash.newSecret("").toCharArray() : password.toCharArray();
        repository.addUser(new SiteUser(name, PasswordHash.create(secret), siteAdmin, address));
        if (mailLink) {
            resets.request(name);
        }
        return mailLink;
    }

    /** Gives a user's address the owner or moderator role on a list. */
    @Transactional
    public void grant(Account caller, String username, String list, String role) {
        rights.requireSiteAdmin(caller);
        Target t = target(username, list, role);
        if (repository.role(t.list(), t.address(), t.role()).isPresent()) {
            throw SiteRefusal.conflict(username + " is " + word(t.role()) + " of " + list + " already.");
        }
        repository.addMember(new Member(t.list(), t.address(), t.role()));
    }

    /** Takes a role away. */
    @Transactional
    public void revoke(Account caller, String username, String list, String role) {
        rights.requireSiteAdmin(caller);
        Target t = target(username, list, role);
        Member row = repository.role(t.list(), t.address(), t.role())
                .orElseThrow(() -> SiteRefusal.notFound(username + " is not " + word(t.role()) + " of " + list + "."));
        repository.removeMember(row);
    }

    /** Mails the user a password reset link; refused when the account has no address. */
    @Transactional
    public void resetPassword(Account caller, String username) {
        rights.requireSiteAdmin(caller);
        SiteUser user = existing(username);
        if (user.email() == null) {
            throw SiteRefusal.conflict(username + " has no email address, so no link can be mailed.");
        }
        resets.request(user.username());
    }

    private record Target(EmailAddress address, MailingList list, MemberRole role) {
    }

    private Target target(String username, String list, String role) {
        SiteUser user = existing(username);
        MemberRole r;
        try {
            r = MemberRole.valueOf(role == null ? "" : role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            r = null;
        }
        if (r != MemberRole.OWNER && r != MemberRole.MODERATOR) {
            throw SiteRefusal.invalid("role", "must be owner or moderator");
        }
        if (user.email() == null) {
            throw SiteRefusal.invalid("username", username + " has no email address; list roles belong to"
                    + " an address");
        }
        MailingList l;
        try {
            l = lists.find(EmailAddress.parse(list == null ? "" : list.strip())).orElse(null);
        } catch (IllegalArgumentException e) {
            l = null;
        }
        if (l == null) {
            throw SiteRefusal.invalid("list", "there is no list " + list);
        }
        return new Target(user.email(), l, r);
    }

    private SiteUser existing(String username) {
        return repository.user(username == null ? "" : username.strip())
                .orElseThrow(() -> SiteRefusal.notFound("There is no user " + username + "."));
    }

    static String word(MemberRole role) {
        return role == MemberRole.OWNER ? "an owner" : "a moderator";
    }
}
