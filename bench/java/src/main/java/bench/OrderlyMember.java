package bench;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * A DefaultMQPushConsumer with a MessageListenerOrderly (clustering, CONSUME_FROM_FIRST_OFFSET): the Java reference
 * for orderly consumption, used beside our consumer by test/integration/orderly*.test.ts and by bench/run.mjs.
 *
 * Options: --namesrv --group --topic [--member NAME] [--events FILE] [--handler-ms N] [--threads N] [--count N]
 * [--timeout-ms N].
 * - --events FILE: one CSV line per handler start and end, flushed at once:
 *   `start|end,member,broker:queueId,queueOffset,body,epochMs` (the body as UTF-8, commas and newlines as spaces).
 * - --count N: drain mode: exits after N messages and prints {"client","consumed","ms","msgsPerSec","startMs","ok"}.
 * - otherwise it runs until SIGTERM (shutdown() then releases its locks) or SIGKILL; it prints {"ready":true,...}
 *   once started. Exit status: 0 only after a clean shutdown() on SIGTERM; 4 when shutdown() threw, 3 when it ran
 *   past --timeout-ms, 5 when it could not start (5 attempts) or failed otherwise (the test harness treats anything but
 *   0 as a failed test).
 */
public final class OrderlyMember {
    public static void main(String[] argv) {
        // Whatever fails here must end the JVM with a non-zero status: the client's non-daemon threads would otherwise
        // keep a member whose start failed alive (and its harness waiting).
        try {
            run(argv);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(5);
        }
    }

    private static void run(String[] argv) throws Exception {
        Args a = new Args(argv);
        String member = a.str("member", "java-" + ProcessHandle.current().pid());
        long handlerMs = a.num("handler-ms", 0);
        long count = a.num("count", 0);
        long timeoutMs = a.num("timeout-ms", 600_000);
        int threads = (int) a.num("threads", 20);
        String eventsFile = a.str("events", "");
        PrintStream events = eventsFile.isEmpty() ? null : new PrintStream(new FileOutputStream(eventsFile, true), true, StandardCharsets.UTF_8);

        AtomicLong received = new AtomicLong();
        AtomicLong firstNs = new AtomicLong();
        AtomicLong lastNs = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);

        java.util.function.Supplier<DefaultMQPushConsumer> build = () -> {
            DefaultMQPushConsumer c = new DefaultMQPushConsumer(a.str("group"));
            c.setNamesrvAddr(a.str("namesrv"));
            c.setInstanceName("orderly-" + member + "-" + ProcessHandle.current().pid());
            c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            c.setConsumeThreadMin(threads);
            c.setConsumeThreadMax(threads);
            c.setConsumeMessageBatchMaxSize(1);
            try {
                c.subscribe(a.str("topic"), "*");
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
            c.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
                for (MessageExt m : msgs) {
                    String q = m.getBrokerName() + ":" + m.getQueueId();
                    String body = events == null ? "" : new String(m.getBody(), StandardCharsets.UTF_8).replace(',', ' ').replace('\n', ' ');
                    if (events != null) events.println("start," + member + "," + q + "," + m.getQueueOffset() + "," + body + "," + System.currentTimeMillis());
                    if (handlerMs > 0) {
                        try {
                            Thread.sleep(handlerMs);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    if (events != null) events.println("end," + member + "," + q + "," + m.getQueueOffset() + "," + body + "," + System.currentTimeMillis());
                }
                long n = received.addAndGet(msgs.size());
                if (n == msgs.size()) firstNs.compareAndSet(0, System.nanoTime());
                if (count > 0 && n >= count && n - msgs.size() < count) {
                    lastNs.set(System.nanoTime());
                    done.countDown();
                }
                return ConsumeOrderlyStatus.SUCCESS;
            });
            return c;
        };
        long t0 = System.nanoTime();
        DefaultMQPushConsumer c = null;
        for (int attempt = 1; c == null; attempt++) {
            DefaultMQPushConsumer candidate = build.get();
            try {
                candidate.start();
                c = candidate;
            } catch (Exception e) {
                // On a loaded machine the first route lookup can time out and fail start(); a failed consumer cannot be
                // started again, so a new one is built (as an application would retry).
                candidate.shutdown();
                System.err.println("OrderlyMember: start attempt " + attempt + " failed: " + e);
                if (attempt == 5) throw e;
                Thread.sleep(1000);
            }
        }
        final DefaultMQPushConsumer consumer = c;
        HeartbeatNudge.start(consumer.getDefaultMQPushConsumerImpl().getmQClientFactory(), 6000);
        if (count <= 0) {
            // A JVM ended by SIGTERM exits with 143 whatever its hooks do: halt with the outcome of shutdown() instead,
            // so the harness can tell a clean stop (0) from a failed one.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                int status = 0;
                try {
                    consumer.shutdown();
                } catch (Throwable t) {
                    t.printStackTrace();
                    status = 4;
                }
                if (events != null) events.flush();
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(status);
            }));
            Args.printJson("ready", true, "member", member, "clientId", consumer.getDefaultMQPushConsumerImpl().getmQClientFactory().getClientId());
            Thread.sleep(timeoutMs);
            System.err.println("OrderlyMember: still running after --timeout-ms " + timeoutMs + "; exiting with 3");
            System.exit(3);
        }
        boolean ok = done.await(timeoutMs, TimeUnit.MILLISECONDS);
        double ms = ok ? (lastNs.get() - firstNs.get()) / 1e6 : -1;
        double startMs = firstNs.get() == 0 ? -1 : (firstNs.get() - t0) / 1e6;
        Args.printJson("client", "java-orderly", "consumed", received.get(), "ms", Math.round(ms), "msgsPerSec", Args.rate(count, ms),
            "startMs", Math.round(startMs), "ok", ok);
        consumer.shutdown();
        System.exit(ok ? 0 : 2);
    }
}
