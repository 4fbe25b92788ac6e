package bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * End-to-end latency at a fixed rate (the Java half of the runner's latency part; ours is bench/worker-latency.mjs):
 * a DefaultMQPushConsumer (20 threads, batch 1) on a fresh topic the runner feeds with an open-loop producer. Every
 * message carries `benchT`, its intended send time (epoch ms), and `benchM` = 1 once the runner measures. The
 * consumer prints {"ready":true} once every one of --queues queues delivered a message in the last 500 ms that is
 * less than 200 ms after its born time (or 40 s after start, whichever first); it then records, for the --count measured messages, receive - intended (e2e), store - born
 * and receive - store, and prints the exact quantiles of each (same procedure as ours) and its CPU over the window.
 */
public final class LatencyConsumer {
    static double nowMs() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1000.0 + i.getNano() / 1e6;
    }

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        int count = (int) a.num("count", 10_000);
        int queues = (int) a.num("queues", 4);
        long timeoutMs = a.num("timeout-ms", 120_000);
        long idleMs = a.num("idle-ms", 5000);
        double[] e2e = new double[count];
        double[] store = new double[count];
        double[] deliver = new double[count];
        AtomicInteger n = new AtomicInteger();
        AtomicLong cpuFirst = new AtomicLong(-1);
        AtomicLong lastAt = new AtomicLong(System.currentTimeMillis());
        Map<String, double[]> warm = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        long startMs = System.currentTimeMillis();

        DefaultMQPushConsumer c = new DefaultMQPushConsumer(a.str("group"));
        c.setNamesrvAddr(a.str("namesrv"));
        c.setInstanceName("bench-latency-" + ProcessHandle.current().pid());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setConsumeThreadMin(20);
        c.setConsumeThreadMax(20);
        c.setConsumeMessageBatchMaxSize(1);
        c.subscribe(a.str("topic"), "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                double now = nowMs();
                String t = m.getUserProperty("benchT");
                if (t == null) continue;
                double lat = now - Double.parseDouble(t);
                lastAt.set(System.currentTimeMillis());
                if ("1".equals(m.getUserProperty("benchM"))) {
                    int i = n.getAndIncrement();
                    if (i == 0) cpuFirst.set(Args.cpuMs());
                    if (i < count) {
                        e2e[i] = lat;
                        store[i] = m.getStoreTimestamp() - m.getBornTimestamp();
                        deliver[i] = now - m.getStoreTimestamp();
                    }
                    if (i == count - 1) done.countDown();
                } else if (ready.getCount() > 0) {
                    // steady: every queue delivered in the last 500 ms, messages < 200 ms after they were born; at most 40 s (Java's periodic rebalance, 20 s, repairs a start-up race that drops its queues)
                    warm.put(m.getBrokerName() + ":" + m.getQueueId(), new double[] {now, now - m.getBornTimestamp()});
                    boolean steady = warm.size() >= queues && System.currentTimeMillis() - startMs > 1000
                        && warm.values().stream().allMatch(v -> now - v[0] <= 500 && v[1] <= 200);
                    if (steady || System.currentTimeMillis() - startMs > 40_000) {
                        synchronized (LatencyConsumer.class) {
                            if (ready.getCount() > 0) {
                                double worstAge = 0;
                                double worstLatency = 0;
                                for (double[] v : warm.values()) {
                                    worstAge = Math.max(worstAge, now - v[0]);
                                    worstLatency = Math.max(worstLatency, v[1]);
                                }
                                Args.printJson("ready", true, "steady", steady, "queues", warm.size(), "worstAgeMs", Math.round(worstAge),
                                    "worstLatencyMs", Math.round(worstLatency));
                                ready.countDown();
                            }
                        }
                    }
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        HeartbeatNudge.start(c.getDefaultMQPushConsumerImpl().getmQClientFactory(), 20_000); // the whole warm-up
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!done.await(200, TimeUnit.MILLISECONDS)) {
            long now = System.currentTimeMillis();
            if (now > deadline) break;
            if (n.get() > 0 && now - lastAt.get() > idleMs) break;
        }
        long cpuMs = Args.cpuMs() - cpuFirst.get();
        int got = Math.min(n.get(), count);
        Args.printJson("client", "java-push", "ok", got > 0, "measured", got, "expected", count, "cpuMs", cpuFirst.get() < 0 ? -1 : cpuMs,
            "e2e", summary(e2e, got), "store", summary(store, got), "deliver", summary(deliver, got), "peakRssMiB", Args.peakRssMiB());
        c.shutdown();
        System.exit(got > 0 ? 0 : 2);
    }

    /** Exact quantiles as a JSON object string (Args.printJson quotes strings, so the runner parses it again). */
    static String summary(double[] values, int n) {
        if (n == 0) return "{}";
        double[] s = Arrays.copyOf(values, n);
        Arrays.sort(s);
        double sum = 0;
        for (double v : s) sum += v;
        return String.format(java.util.Locale.ROOT, "{\"n\":%d,\"p50\":%.2f,\"p90\":%.2f,\"p99\":%.2f,\"p999\":%.2f,\"max\":%.2f,\"mean\":%.2f}",
            n, q(s, 0.5), q(s, 0.9), q(s, 0.99), q(s, 0.999), s[n - 1], sum / n);
    }

    static double q(double[] s, double p) {
        int i = (int) Math.ceil(p * s.length) - 1;
        return s[Math.min(s.length - 1, Math.max(0, i))];
    }
}
