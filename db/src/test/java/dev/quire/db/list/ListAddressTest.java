package dev.quire.db.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.ListAddress.Function;

class ListAddressTest {
    @Test
    void plainNameIsThePostingAddressOnly() {
        assertEquals(List.of(new ListAddress("demo", Function.POST, "")), ListAddress.candidates("demo"));
    }

    @Test
    void suffixesNameTheListFunctions() {
        assertTrue(ListAddress.candidates("demo-owner").contains(new ListAddress("demo", Function.OWNER, "")));
        assertTrue(ListAddress.candidates("demo-request").contains(new ListAddress("demo", Function.REQUEST, "")));
        assertTrue(ListAddress.candidates("demo-leave").contains(new ListAddress("demo", Function.LEAVE, "")));
        assertTrue(ListAddress.candidates("sys-announce-bounces")
                .contains(new ListAddress("sys-announce", Function.BOUNCES, "")));
    }

    @Test
    void postingReadingComesFirstForNamesThatLookLikeSuffixes() {
        List<ListAddress> c = ListAddress.candidates("foo-owner");
        assertEquals(new ListAddress("foo-owner", Function.POST, ""), c.get(0));
        assertEquals(new ListAddress("foo", Function.OWNER, ""), c.get(1));
    }

    @Test
    void verpAndConfirmCarryTheirDetailCaseIntact() {
        assertTrue(ListAddress.candidates("demo-bounces+Alice=example.test")
                .contains(new ListAddress("demo", Function.BOUNCES, "Alice=example.test")));
        assertTrue(ListAddress.candidates("demo-confirm+abc123")
                .contains(new ListAddress("demo", Function.CONFIRM, "abc123")));
    }

    @Test
    void detailIsOnlyForBouncesAndConfirm() {
        assertTrue(ListAddress.candidates("demo-owner+x").stream().noneMatch(a -> a.function() == Function.OWNER));
        assertTrue(ListAddress.candidates("-bounces").stream().noneMatch(a -> a.function() == Function.BOUNCES));
    }

    @Test
    void addressesOfFunctions() {
        assertEquals("demo-bounces", Function.BOUNCES.localPart("demo"));
        assertEquals("demo", Function.POST.localPart("demo"));
    }
}
