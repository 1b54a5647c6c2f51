package dev.quire.lists.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class RequestDataTest {
    @Test
    void survivesTheDataColumnAndKnowsTheNextStep() {
        RequestData d = new RequestData(List.of(Step.CONFIRM, Step.MODERATE), Channel.EMAIL, "alice@example.test");
        String json = d.toJson();
        assertEquals(
                "{\"steps\":[\"CONFIRM\",\"MODERATE\"],\"channel\":\"EMAIL\",\"requester\":\"alice@example.test\"}",
                json);
        RequestData back = RequestData.parse(json);
        assertEquals(d, back);
        assertEquals(Step.MODERATE, back.after(Step.CONFIRM));
        assertNull(back.after(Step.MODERATE));
    }

    @Test
    void anAnonymousWebRequestHasNoRequester() {
        RequestData d = RequestData.parse(new RequestData(List.of(Step.CONFIRM), Channel.WEB, null).toJson());
        assertNull(d.requester());
        assertEquals(Channel.WEB, d.channel());
    }
}
