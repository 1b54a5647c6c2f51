package dev.quire.cron.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.quire.db.jobs.ListRole;
import dev.quire.db.jobs.SyncExclusionRepository;
import dev.quire.mail.EmailAddress;

/**
 * The two membership changes that syncs must respect: a member leaving (a synced member is then excluded, so the
 * next sync does not add them back) and an owner re-adding someone (the exclusion is lifted and the member counts
 * as subscribed by hand). The list engine's unsubscribe and add-member flows call these.
 */
public final class SyncedMembership {
    private final DataSource dataSource;
    private final SyncExclusionRepository exclusions;

    public SyncedMembership(DataSource dataSource) {
        this.dataSource = dataSource;
        this.exclusions = new SyncExclusionRepository(dataSource);
    }

    /** Removes a member; returns true when they were a member. A member any source had returned is excluded. */
    public boolean leave(ListRole roster, EmailAddress address) throws SQLException {
        boolean synced;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT sync_source_id IS NOT NULL OR NOT subscribed_by_hand"
                        + " FROM member WHERE list_id = ? AND role = ? AND address = ?")) {
            bind(s, roster, address);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                synced = rs.getBoolean(1);
            }
        }
        if (synced) {
            exclusions.exclude(roster, address);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "DELETE FROM member WHERE list_id = ? AND role = ? AND address = ?")) {
            bind(s, roster, address);
            s.executeUpdate();
        }
        return true;
    }

    /** An owner adds someone by hand: lifts any exclusion, and subscribes or marks them as subscribed by hand. */
    public void addByHand(ListRole roster, EmailAddress address, String displayName) throws SQLException {
        exclusions.lift(roster, address);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO member (list_id, address, display_name, role,"
                        + " subscribed_by_hand) VALUES (?, ?, ?, ?, TRUE)"
                        + " ON DUPLICATE KEY UPDATE subscribed_by_hand = TRUE")) {
            s.setLong(1, roster.listId());
            s.setString(2, address.toString());
            s.setString(3, displayName);
            s.setString(4, roster.role().name());
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, ListRole roster, EmailAddress address) throws SQLException {
        s.setLong(1, roster.listId());
        s.setString(2, roster.role().name());
        s.setString(3, address.toString());
    }
}
