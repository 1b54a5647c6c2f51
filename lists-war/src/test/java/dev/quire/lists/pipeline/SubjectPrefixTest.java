package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class SubjectPrefixTest {
    private static String prefixed(String subject) {
        Post post = ListFixtures.post("Subject: " + subject + "\r\n\r\nbody\r\n");
        new SubjectPrefix().process(post);
        return post.message().header("Subject").orElseThrow();
    }

    @Test
    void addsThePrefixOnce() {
        assertEquals("[demo] hello", prefixed("hello"));
        assertEquals("[demo] hello", prefixed("[demo] hello"));
    }

    @Test
    void repliesKeepOnePrefixAndOneRe() {
        assertEquals("[demo] Re: hello", prefixed("Re: [demo] hello"));
        assertEquals("[demo] Re: hello", prefixed("Re: [demo] Re: hello"));
        assertEquals("[demo] Re: hello", prefixed("RE: AW: [demo] hello"));
        assertEquals("[demo] Re: hello", prefixed("[demo] Re: [demo] Re[2]: hello"));
        assertEquals("[demo] Fwd: hello", prefixed("Fwd: hello"));
    }

    @Test
    void aMissingSubjectGetsThePrefixAlone() {
        Post post = ListFixtures.post("From: a@example.test\r\n\r\nbody\r\n");
        new SubjectPrefix().process(post);
        assertEquals("[demo]", post.message().header("Subject").orElseThrow());
    }
}
