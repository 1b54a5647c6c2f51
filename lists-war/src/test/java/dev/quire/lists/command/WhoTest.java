package dev.quire.lists.command;

import static dev.quire.lists.command.CommandTesting.from;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quire.db.list.MemberRole;
import dev.quire.db.list.RosterVisibility;
import dev.quire.lists.TestWorld;

class WhoTest {
    private final TestWorld w = new TestWorld();

    @BeforeEach
    void roster() {
        w.add("alice@example.test", MemberRole.MEMBER).setHideAddress(false);
        w.add("carol@remote.test", MemberRole.MEMBER).setDisplayName("Carol");
        w.add("dan@remote.test", MemberRole.MEMBER);
        w.add("bob@example.test", MemberRole.MODERATOR);
    }

    @Test
    void membersSeeTheRosterWithoutHiddenAddresses() {
        w.list.subscriptions().setRosterVisibility(RosterVisibility.MEMBERS);
        assertEquals("""
                Members of demo@lists.example.test (3):
                  alice@example.test
                  and 2 who hide their address
                """, w.who.execute(from(w, "alice@example.test"), List.of()));
        assertEquals("The member list of demo@lists.example.test is not shown to erin@remote.test.", w.who.execute(
                from(w, "erin@remote.test"), List.of()));
    }

    @Test
    void moderatorsSeeEveryone() {
        w.list.subscriptions().setRosterVisibility(RosterVisibility.MODERATORS);
        assertEquals("""
                Members of demo@lists.example.test (3):
                  alice@example.test
                  carol@remote.test (Carol)
                  dan@remote.test
                """, w.who.execute(from(w, "bob@example.test"), List.of()));
        assertEquals("The member list of demo@lists.example.test is not shown to alice@example.test.", w.who.execute(
                from(w, "alice@example.test"), List.of()));
    }

    @Test
    void aPublicRosterIsShownToAnyone() {
        w.list.subscriptions().setRosterVisibility(RosterVisibility.PUBLIC);
        assertEquals("""
                Members of demo@lists.example.test (3):
                  alice@example.test
                  and 2 who hide their address
                """, w.who.execute(from(w, "erin@remote.test"), List.of()));
    }
}
