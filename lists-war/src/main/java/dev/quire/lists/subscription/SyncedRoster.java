package dev.quire.lists.subscription;

import java.io.IOException;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.cron.sync.SyncedMembership;
import dev.quire.db.jobs.ListRole;
import dev.quire.db.jobs.SyncExclusionRepository;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;

/**
 * The membership sync's side of joining and leaving a list: a member that a sync source returned who leaves (by
 * any channel) goes on the roster's sync exclusion list through {@link SyncedMembership#leave}, so the next sync
 * does not add them back; whoever joins again (an owner re-adding them, or the member re-subscribing) is
 * subscribed by hand and the exclusion is lifted. Runs on the caller's transaction.
 */
@ApplicationScoped
public class SyncedRoster {
    @Resource(lookup = "java:app/jdbc/quire")
    DataSource dataSource;

    /** Removes the member's row, excluding the address from later syncs when a source had returned it. */
    public void leave(MailingList list, Member member) throws IOException {
        try {
            new SyncedMembership(dataSource).leave(roster(list), member.address());
        } catch (SQLException e) {
            throw new IOException("cannot remove " + member.address() + " from " + list.postingAddress(), e);
        }
    }

    /** Lifts the address's sync exclusion, if it has one, after it joined. */
    public void joined(MailingList list, Member member) throws IOException {
        try {
            new SyncExclusionRepository(dataSource).lift(roster(list), member.address());
        } catch (SQLException e) {
            throw new IOException("cannot lift the sync exclusion of " + member.address(), e);
        }
    }

    private static ListRole roster(MailingList list) {
        return new ListRole(list.id(), MemberRole.MEMBER);
    }
}
