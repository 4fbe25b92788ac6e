package bench;

import java.util.List;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Drains --count messages from --topic with a DefaultLitePullConsumer (subscribe, new group, CONSUME_FROM_FIRST_OFFSET,
 * pullBatchSize --batch, autoCommit). Prints {"consumed","ms","msgsPerSec","startMs"}: ms runs from the first
 * non-empty poll to the one that reached --count; cpuMs is this JVM's CPU over that window.
 */
public final class LitePullDrain {
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        long count = a.num("count", 100_000);
        int batch = (int) a.num("batch", 32);
        long timeoutMs = a.num("timeout-ms", 300_000);

        DefaultLitePullConsumer c = new DefaultLitePullConsumer(a.str("group"));
        c.setNamesrvAddr(a.str("namesrv"));
        c.setInstanceName("bench-pull-" + ProcessHandle.current().pid());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setPullBatchSize(batch);
        c.setAutoCommit(true);
        c.subscribe(a.str("topic"), "*");
        long t0 = System.nanoTime();
        c.start();
        long received = 0;
        long firstNs = 0;
        long lastNs = 0;
        long cpuFirst = -1;
        long cpuLast = -1;
        long deadline = t0 + timeoutMs * 1_000_000L;
        while (received < count && System.nanoTime() < deadline) {
            List<MessageExt> msgs = c.poll(1000);
            if (msgs.isEmpty()) continue;
            if (firstNs == 0) {
                firstNs = System.nanoTime();
                cpuFirst = Args.cpuMs();
            }
            received += msgs.size();
            if (received >= count) {
                lastNs = System.nanoTime();
                cpuLast = Args.cpuMs();
            }
        }
        boolean ok = received >= count;
        double ms = ok ? (lastNs - firstNs) / 1e6 : -1;
        double startMs = firstNs == 0 ? -1 : (firstNs - t0) / 1e6;
        Args.printJson("client", "java-litepull", "consumed", received, "ms", Math.round(ms), "msgsPerSec", Args.rate(count, ms),
            "startMs", Math.round(startMs), "ok", ok, "cpuMs", ok ? cpuLast - cpuFirst : -1, "cpuTotalMs", Args.cpuMs(),
            "peakRssMiB", Args.peakRssMiB());
        c.shutdown();
        System.exit(ok ? 0 : 2);
    }
}
