package bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;

/**
 * Drains --count messages from --topic with a DefaultMQPushConsumer (clustering, new group, CONSUME_FROM_FIRST_OFFSET,
 * --threads consume threads, consumeMessageBatchMaxSize 1) whose listener only counts (or sleeps --sleep-ms first: the
 * slow-handler figure). Prints {"consumed","ms","msgsPerSec","startMs","cpuMs","cpuTotalMs"}: ms runs from the first
 * message received to the --count-th, cpuMs is this JVM's CPU over that window, cpuTotalMs over its whole life. --pop true: POP
 * (setClientRebalance(false); the group's mode must already be POP).
 */
public final class PushDrain {
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        long count = a.num("count", 100_000);
        int threads = (int) a.num("threads", 20);
        long timeoutMs = a.num("timeout-ms", 300_000);
        long sleepMs = a.num("sleep-ms", 0);
        AtomicLong cpuFirst = new AtomicLong(-1);
        AtomicLong cpuLast = new AtomicLong(-1);

        AtomicLong received = new AtomicLong();
        AtomicLong firstNs = new AtomicLong();
        AtomicLong lastNs = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);

        DefaultMQPushConsumer c = new DefaultMQPushConsumer(a.str("group"));
        c.setNamesrvAddr(a.str("namesrv"));
        c.setInstanceName("bench-push-" + ProcessHandle.current().pid());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setConsumeThreadMin(threads);
        c.setConsumeThreadMax(threads);
        c.setConsumeMessageBatchMaxSize(1);
        boolean pop = a.str("pop", "false").equals("true");
        // --pop true: POP consumption (5.x; the group's request mode must be POP on the brokers: set it first).
        if (pop) c.setClientRebalance(false);
        c.subscribe(a.str("topic"), "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            if (sleepMs > 0) {
                try {
                    Thread.sleep(sleepMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long n = received.addAndGet(msgs.size());
            if (n == msgs.size()) {
                firstNs.compareAndSet(0, System.nanoTime());
                cpuFirst.set(Args.cpuMs());
            }
            if (n >= count && n - msgs.size() < count) {
                lastNs.set(System.nanoTime());
                cpuLast.set(Args.cpuMs());
                done.countDown();
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long t0 = System.nanoTime();
        c.start();
        if (!a.str("nudge-heartbeat", "true").equals("false")) HeartbeatNudge.start(c.getDefaultMQPushConsumerImpl().getmQClientFactory(), 6000);
        boolean ok = done.await(timeoutMs, TimeUnit.MILLISECONDS);
        double ms = ok ? (lastNs.get() - firstNs.get()) / 1e6 : -1;
        double startMs = firstNs.get() == 0 ? -1 : (firstNs.get() - t0) / 1e6;
        Args.printJson("client", pop ? "java-pop" : "java-push", "consumed", received.get(), "ms", Math.round(ms), "msgsPerSec", Args.rate(count, ms),
            "startMs", Math.round(startMs), "ok", ok, "cpuMs", ok ? cpuLast.get() - cpuFirst.get() : -1, "cpuTotalMs", Args.cpuMs(),
            "peakRssMiB", Args.peakRssMiB());
        c.shutdown();
        System.exit(ok ? 0 : 2);
    }
}
