package bench;

import java.io.BufferedWriter;
import java.io.FileWriter;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Join/leave handoff of a DefaultMQPushConsumer group while someone else produces steadily to --topic:
 * member A starts; after --warmup-ms, once every queue of A delivers fresh messages (--queues, default 4), member B starts (join); --window-ms later A shuts down
 * (leave); --window-ms later B shuts down. Every receipt is written to --out as CSV
 * `receivedAtMs,member,broker:queueId,queueOffset,bornTimestamp`; stdout gets {"tJoin","tLeave","tEnd",...}.
 * --nudge-heartbeat true resends heartbeats during each member's first seconds (see HeartbeatNudge); off by default
 * here because a stall after a join is what a Java user would see.
 * The bench runner computes the gaps from the CSV with the same code it uses for our consumer.
 */
public final class RebalanceGap {
    record Receipt(long at, char member, String queue, long offset, long born) {}

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        String group = a.str("group");
        long warmupMs = a.num("warmup-ms", 3000);
        long windowMs = a.num("window-ms", 8000);
        ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
        AtomicLong aCount = new AtomicLong();
        // per queue: {last receipt time, its latency} of member A
        java.util.concurrent.ConcurrentHashMap<String, long[]> aQueues = new java.util.concurrent.ConcurrentHashMap<>();
        int queues = (int) a.num("queues", 4);

        DefaultMQPushConsumer memberA = member(a, group, 'A', receipts, aCount, aQueues);
        long t0 = System.currentTimeMillis();
        memberA.start();
        boolean nudge = a.str("nudge-heartbeat", "false").equals("true");
        if (nudge) HeartbeatNudge.start(memberA.getDefaultMQPushConsumerImpl().getmQClientFactory(), 6000);
        // A is steady once every queue delivers fresh messages: a receipt in the last 500 ms, less than 200 ms old
        while (System.currentTimeMillis() - t0 < warmupMs || (!caughtUp(aQueues, queues) && System.currentTimeMillis() - t0 < 120_000)) Thread.sleep(10);
        long aCaughtUpMs = System.currentTimeMillis() - t0;

        DefaultMQPushConsumer memberB = member(a, group, 'B', receipts, new AtomicLong(), new java.util.concurrent.ConcurrentHashMap<>());
        long tJoin = System.currentTimeMillis();
        memberB.start();
        if (nudge) HeartbeatNudge.start(memberB.getDefaultMQPushConsumerImpl().getmQClientFactory(), 6000);
        long bStartMs = System.currentTimeMillis() - tJoin;
        Thread.sleep(Math.max(0, tJoin + windowMs - System.currentTimeMillis()));

        long tLeave = System.currentTimeMillis();
        memberA.shutdown();
        long aCloseMs = System.currentTimeMillis() - tLeave;
        Thread.sleep(Math.max(0, tLeave + windowMs - System.currentTimeMillis()));
        long tEnd = System.currentTimeMillis();
        memberB.shutdown();

        try (BufferedWriter w = new BufferedWriter(new FileWriter(a.str("out")))) {
            for (Receipt r : receipts) w.write(r.at + "," + r.member + "," + r.queue + "," + r.offset + "," + r.born + "\n");
        }
        Args.printJson("client", "java-push", "tJoin", tJoin, "tLeave", tLeave, "tEnd", tEnd, "receipts", receipts.size(),
            "aCaughtUpMs", aCaughtUpMs, "bStartMs", bStartMs, "nudgeHeartbeat", nudge, "aCloseMs", aCloseMs);
        System.exit(0);
    }

    static boolean caughtUp(java.util.concurrent.ConcurrentHashMap<String, long[]> lastByQueue, int queues) {
        long now = System.currentTimeMillis();
        if (lastByQueue.size() < queues) return false;
        for (long[] v : lastByQueue.values()) if (now - v[0] > 500 || v[1] > 200) return false;
        return true;
    }

    static DefaultMQPushConsumer member(Args a, String group, char name, ConcurrentLinkedQueue<Receipt> receipts, AtomicLong count, java.util.concurrent.ConcurrentHashMap<String, long[]> lastByQueue) throws Exception {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(a.str("namesrv"));
        c.setInstanceName("bench-gap-" + name + "-" + ProcessHandle.current().pid());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setConsumeThreadMin(20);
        c.setConsumeThreadMax(20);
        c.subscribe(a.str("topic"), "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            long now = System.currentTimeMillis();
            for (MessageExt m : msgs) {
                receipts.add(new Receipt(now, name, m.getBrokerName() + ":" + m.getQueueId(), m.getQueueOffset(), m.getBornTimestamp()));
            }
            count.addAndGet(msgs.size());
            MessageExt last = msgs.get(msgs.size() - 1);
            lastByQueue.put(last.getBrokerName() + ":" + last.getQueueId(), new long[] {now, now - last.getBornTimestamp()});
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return c;
    }
}
