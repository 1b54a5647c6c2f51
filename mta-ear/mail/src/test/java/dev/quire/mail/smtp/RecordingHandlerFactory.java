package dev.quire.mail.smtp;

import dev.quire.mail.EmailAddress;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/** A handler factory that records every transaction it saw, for assertions from the test thread. */
final class RecordingHandlerFactory implements MessageHandlerFactory {

    /** One finished DATA: the envelope and what the handler read, or the rejection its stream threw. */
    record Delivery(EmailAddress sender, Map<String, String> mailParams, List<EmailAddress> recipients,
            List<Map<String, String>> rcptParams, byte[] content, Reply rejection, String heloName) {
    }

    final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    final BlockingQueue<EmailAddress> senders = new LinkedBlockingQueue<>();
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    volatile Predicate<EmailAddress> acceptRecipient = r -> true;
    /** Replies to DATA given the accepted recipients. */
    volatile Function<List<EmailAddress>, List<Reply>> dataReplies = r -> List.of(Reply.ok("2.0.0", "queued"));
    volatile RuntimeException failInFrom;
    /** The session of the last transaction created. */
    volatile SessionContext lastContext;

    @Override
    public MessageHandler create(SessionContext ctx) {
        created.incrementAndGet();
        lastContext = ctx;
        return new Recorder(ctx);
    }

    Delivery nextDelivery() throws InterruptedException {
        Delivery d = deliveries.poll(5, TimeUnit.SECONDS);
        if (d == null) {
            throw new AssertionError("no delivery within 5 s");
        }
        return d;
    }

    /** Waits until {@code done()} was called n times in total. */
    void awaitDone(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (done.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("done() called " + done.get() + " times, expected " + n);
            }
            Thread.sleep(10);
        }
    }

    private final class Recorder implements MessageHandler {
        private final SessionContext ctx;
        private EmailAddress sender;
        private Map<String, String> mailParams;
        private final List<EmailAddress> recipients = new ArrayList<>();
        private final List<Map<String, String>> rcptParams = new ArrayList<>();

        Recorder(SessionContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Reply from(EmailAddress reversePath, Map<String, String> params) {
            if (failInFrom != null) {
                throw failInFrom;
            }
            sender = reversePath;
            mailParams = params;
            senders.add(reversePath == null ? EmailAddress.of("null-sender", "invalid") : reversePath);
            return Reply.ok("2.1.0", "Ok");
        }

        @Override
        public Reply recipient(EmailAddress recipient, Map<String, String> params) {
            if (!acceptRecipient.test(recipient)) {
                return new Reply(550, "5.1.1", "No such user");
            }
            recipients.add(recipient);
            rcptParams.add(params);
            return Reply.ok("2.1.5", "Ok");
        }

        @Override
        public List<Reply> data(InputStream message) throws IOException {
            byte[] content;
            try {
                content = message.readAllBytes();
            } catch (DataRejectedException e) {
                deliveries.add(new Delivery(sender, mailParams, List.copyOf(recipients), List.copyOf(rcptParams),
                        null, e.reply(), ctx.heloName()));
                throw e;
            }
            deliveries.add(new Delivery(sender, mailParams, List.copyOf(recipients), List.copyOf(rcptParams),
                    content, null, ctx.heloName()));
            return dataReplies.apply(List.copyOf(recipients));
        }

        @Override
        public void done() {
            done.incrementAndGet();
        }
    }
}
