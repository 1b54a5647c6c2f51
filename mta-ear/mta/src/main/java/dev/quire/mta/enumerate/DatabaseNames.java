package dev.quire.mta.enumerate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The names the router finds in the database, read in bulk: each domain with its kind, and per domain its
 * mailboxes, lists and aliases.
 */
final class DatabaseNames {
    /** A domain's names. */
    record DomainNames(String name, String kind, List<String> mailboxes, List<String> lists, List<String> aliases) {
    }

    private DatabaseNames() {
    }

    static Map<String, DomainNames> read(DataSource dataSource) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> kinds = new HashMap<>();
        Map<Long, List<String>> mailboxes = new HashMap<>();
        Map<Long, List<String>> lists = new HashMap<>();
        Map<Long, List<String>> aliases = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, kind FROM domain");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2).toLowerCase(java.util.Locale.ROOT));
                    kinds.put(rs.getLong(1), rs.getString(3));
                }
            }
            column(c, "SELECT domain_id, local_part FROM mailbox", mailboxes);
            column(c, "SELECT domain_id, name FROM mailing_list", lists);
            column(c, "SELECT domain_id, local_part FROM alias", aliases);
        }
        Map<String, DomainNames> out = new HashMap<>();
        names.forEach((id, name) -> out.put(name, new DomainNames(name, kinds.get(id),
                mailboxes.getOrDefault(id, List.of()), lists.getOrDefault(id, List.of()),
                aliases.getOrDefault(id, List.of()))));
        return out;
    }

    private static void column(Connection c, String sql, Map<Long, List<String>> into) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    into.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
    }
}
