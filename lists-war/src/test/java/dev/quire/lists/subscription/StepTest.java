package dev.quire.lists.subscription;

import static dev.quire.lists.subscription.Step.CONFIRM;
import static dev.quire.lists.subscription.Step.MODERATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.SubscriptionPolicy;

class StepTest {
    @Test
    void theListsPolicyDecidesForARequestAboutTheSendersOwnAddress() {
        assertEquals(List.of(), Step.plan(SubscriptionPolicy.OPEN, Channel.EMAIL, true));
        assertEquals(List.of(CONFIRM), Step.plan(SubscriptionPolicy.CONFIRM, Channel.EMAIL, true));
        assertEquals(List.of(MODERATE), Step.plan(SubscriptionPolicy.MODERATE, Channel.EMAIL, true));
        assertEquals(List.of(CONFIRM, MODERATE), Step.plan(SubscriptionPolicy.CONFIRM_THEN_MODERATE, Channel.EMAIL,
                true));
    }

    @Test
    void anotherAddressMustAlwaysConfirmFirst() {
        assertEquals(List.of(CONFIRM), Step.plan(SubscriptionPolicy.OPEN, Channel.EMAIL, false));
        assertEquals(List.of(CONFIRM, MODERATE), Step.plan(SubscriptionPolicy.MODERATE, Channel.WEB, false));
        assertEquals(List.of(CONFIRM, MODERATE), Step.plan(SubscriptionPolicy.CONFIRM_THEN_MODERATE, Channel.WEB,
                false));
    }

    @Test
    void anAdministratorNeedsNoStep() {
        for (SubscriptionPolicy p : SubscriptionPolicy.values()) {
            assertEquals(List.of(), Step.plan(p, Channel.ADMIN, false), p.name());
        }
    }
}
