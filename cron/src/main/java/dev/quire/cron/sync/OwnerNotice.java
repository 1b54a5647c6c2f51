package dev.quire.cron.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.quire.db.jobs.ListRole;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.Notice;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpClient;

/**
 * Tells a list's owners that its sync needs them (a failed source, held removals, invalid lines), by mail handed
 * to the MTA's internal listener: from {@code <list>-owner}, envelope sender {@code <list>-bounces}.
 */
public final class OwnerNotice {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_LINES = 200;

    private final DataSource dataSource;
    private final String mtaHost;
    private final int mtaPort;
    private final String heloName;

    public OwnerNotice(DataSource dataSource, String mtaHost, int mtaPort, String heloName) {
        this.dataSource = dataSource;
        this.mtaHost = mtaHost;
        this.mtaPort = mtaPort;
        this.heloName = heloName;
    }

    /** Sends the notice; returns how many owners the MTA accepted (0 when the list has none). */
    public int send(ListRole roster, SyncReport report) throws IOException, SQLException {
        List<EmailAddress> owners = owners(roster.listId());
        if (owners.isEmpty()) {
            return 0;
        }
        EmailAddress list = EmailAddress.parse(report.list());
        EmailAddress from = EmailAddress.of(list.localPart() + "-owner", list.domain());
        EmailAddress sender = EmailAddress.of(list.localPart() + "-bounces", list.domain());
        byte[] text = Notice.of(from, null, List.of(from), "Membership sync of " + list + " needs you",
                report.describe(MAX_LINES)).toBytes(list.domain());
        try (SmtpClient client = SmtpClient.connect(mtaHost, mtaPort, TIMEOUT, false, heloName)) {
            expect(client.mailFrom(sender));
            int accepted = 0;
            for (EmailAddress owner : owners) {
                if (client.rcptTo(owner).isPositive()) {
                    accepted++;
                }
            }
            if (accepted > 0) {
                expect(client.data(new ByteArrayInputStream(text), accepted).get(0));
            }
            client.quit();
            return accepted;
        }
    }

    private static void expect(Reply reply) throws IOException {
        if (!reply.isPositive()) {
            throw new IOException("the MTA refused the notice: " + reply.toWire());
        }
    }

    private List<EmailAddress> owners(long listId) throws SQLException {
        List<EmailAddress> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT address FROM member WHERE list_id = ? AND role = 'OWNER' ORDER BY id")) {
            s.setLong(1, listId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(EmailAddress.parse(rs.getString(1)));
                }
            }
        }
        return out;
    }
}
