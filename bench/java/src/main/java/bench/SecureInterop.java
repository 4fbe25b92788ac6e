package bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.RPCHook;

/**
 * The Java side of the secured-cluster interop tests (test/integration/secured.test.ts): rocketmq-client 5.5.0 with
 * AclClientRPCHook (--ak/--sk), TLS from the JVM's -Dtls.* properties, and the v1 namespace (--namespace).
 *
 * produce: sends --count messages "<prefix>-<i>" to --topic; prints {"sent":n}.
 * produce-tx: a TransactionMQProducer (--group) sends "<prefix>-commit", "<prefix>-rollback" and "<prefix>-unknown"
 *   to --topic; its local transaction answers COMMIT, ROLLBACK and UNKNOW by the suffix; its check-back answers
 *   COMMIT and prints {"checked":body}. Prints {"sent":3}, then {"done":true} after the first check-back (or stdin
 *   closing, or --timeout-ms).
 * consume: a push consumer (clustering, --group, CONSUME_FROM_FIRST_OFFSET) that prints {"started":true} once
 *   started, then one {"body","topic","queue","msgId"} line per message (topic as the listener sees it), until --count
 *   messages arrived (then {"done":true}) or stdin closes or --timeout-ms passes.
 * --pop true: consume by POP (setClientRebalance(false); --invisible-ms the popInvisibleTime); the group's request mode
 *   must be POP on the brokers (our PushConsumer with `pop` sets it at start).
 * --trace true: the client's message trace (enableMsgTrace, RMQ_SYS_TRACE_TOPIC); produce then prints {"msgId"} per
 *   message sent (test/integration/trace.test.ts).
 */
public final class SecureInterop {
    public static void main(String[] argv) throws Exception {
        String mode = argv[0];
        Args a = new Args(java.util.Arrays.copyOfRange(argv, 1, argv.length));
        RPCHook hook = a.str("ak", "").isEmpty() ? null : new AclClientRPCHook(new SessionCredentials(a.str("ak"), a.str("sk")));
        String ns = a.str("namespace", "");
        if (mode.equals("produce")) produce(a, hook, ns);
        else if (mode.equals("consume")) consume(a, hook, ns);
        else if (mode.equals("produce-tx")) produceTx(a, hook, ns);
        else throw new IllegalArgumentException("mode must be produce, produce-tx or consume");
    }

    private static void produce(Args a, RPCHook hook, String ns) throws Exception {
        boolean trace = a.str("trace", "false").equals("true");
        DefaultMQProducer p = new DefaultMQProducer(a.str("group", "interop_java_producer"), hook, trace, null);
        p.setNamesrvAddr(a.str("namesrv"));
        if (!ns.isEmpty()) p.setNamespace(ns);
        p.setInstanceName("interop-produce-" + ProcessHandle.current().pid());
        p.start();
        long count = a.num("count", 10);
        String prefix = a.str("prefix", "java");
        long sent = 0;
        long failedAttempts = 0;
        for (long i = 0; i < count; i++) {
            Message m = new Message(a.str("topic"), prefix + "-" + i, (prefix + "-" + i).getBytes(StandardCharsets.UTF_8));
            for (int attempt = 1; ; attempt++) {
                try {
                    SendResult r = p.send(m);
                    if (r.getSendStatus() == org.apache.rocketmq.client.producer.SendStatus.SEND_OK) sent++;
                    if (trace) Args.printJson("msgId", r.getMsgId());
                    break;
                } catch (Exception e) {
                    // rocketmq-client 5.5.0 over TLS sometimes fails a fresh connection's first request (server side:
                    // BAD_PACKET_LENGTH in the handshake); retry as an application would.
                    failedAttempts++;
                    if (attempt == 5) throw e;
                    Thread.sleep(500);
                }
            }
        }
        Args.printJson("sent", sent, "failedAttempts", failedAttempts);
        p.shutdown();
        System.exit(sent == count ? 0 : 2);
    }

    private static void produceTx(Args a, RPCHook hook, String ns) throws Exception {
        String group = a.str("group", "interop_java_tx_producer");
        TransactionMQProducer p = hook == null ? new TransactionMQProducer(group) : new TransactionMQProducer(group, hook);
        p.setNamesrvAddr(a.str("namesrv"));
        if (!ns.isEmpty()) p.setNamespace(ns);
        p.setInstanceName("interop-produce-tx-" + ProcessHandle.current().pid());
        CountDownLatch checked = new CountDownLatch(1);
        p.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                String body = new String(msg.getBody(), StandardCharsets.UTF_8);
                if (body.endsWith("-commit")) return LocalTransactionState.COMMIT_MESSAGE;
                if (body.endsWith("-rollback")) return LocalTransactionState.ROLLBACK_MESSAGE;
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                synchronized (System.out) {
                    Args.printJson("checked", new String(msg.getBody(), StandardCharsets.UTF_8));
                }
                checked.countDown();
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        p.start();
        String prefix = a.str("prefix", "java");
        long sent = 0;
        for (String suffix : new String[] {"commit", "rollback", "unknown"}) {
            String body = prefix + "-" + suffix;
            TransactionSendResult r = p.sendMessageInTransaction(new Message(a.str("topic"), body, body.getBytes(StandardCharsets.UTF_8)), null);
            if (r.getSendStatus() == org.apache.rocketmq.client.producer.SendStatus.SEND_OK) sent++;
        }
        Args.printJson("sent", sent);
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() != -1) { /* wait for EOF */ }
            } catch (java.io.IOException ignored) {
                // treat as EOF
            }
            checked.countDown();
        });
        stdin.setDaemon(true);
        stdin.start();
        checked.await(a.num("timeout-ms", 120_000), TimeUnit.MILLISECONDS);
        Args.printJson("done", true);
        p.shutdown();
        System.exit(sent == 3 ? 0 : 2);
    }

    private static void consume(Args a, RPCHook hook, String ns) throws Exception {
        long count = a.num("count", Long.MAX_VALUE);
        AtomicLong received = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        DefaultMQPushConsumer c = null;
        for (int attempt = 1; c == null; attempt++) {
            try {
                c = startConsumer(a, hook, ns, count, received, done);
            } catch (Exception e) {
                // see produce(): a fresh TLS connection's first request sometimes fails with 5.5.0
                if (attempt == 5) throw e;
                Thread.sleep(500);
            }
        }
        Args.printJson("started", true);
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() != -1) { /* wait for EOF */ }
            } catch (java.io.IOException ignored) {
                // treat as EOF
            }
            done.countDown();
        });
        stdin.setDaemon(true);
        stdin.start();
        done.await(a.num("timeout-ms", 120_000), TimeUnit.MILLISECONDS);
        Args.printJson("done", true, "received", received.get());
        c.shutdown();
        System.exit(0);
    }

    private static DefaultMQPushConsumer startConsumer(Args a, RPCHook hook, String ns, long count, AtomicLong received, CountDownLatch done) throws Exception {
        boolean trace = a.str("trace", "false").equals("true");
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(a.str("group"), hook, new AllocateMessageQueueAveragely(), trace, null);
        c.setNamesrvAddr(a.str("namesrv"));
        if (!ns.isEmpty()) c.setNamespace(ns);
        c.setInstanceName("interop-consume-" + ProcessHandle.current().pid());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        if (a.str("pop", "false").equals("true")) {
            // POP (5.x): the broker assigns queues (QUERY_ASSIGNMENT) and, with the group's mode POP, hands out messages.
            c.setClientRebalance(false);
            c.setPopInvisibleTime(a.num("invisible-ms", 60_000));
        }
        c.subscribe(a.str("topic"), "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                synchronized (System.out) {
                    Args.printJson("body", new String(m.getBody(), StandardCharsets.UTF_8), "topic", m.getTopic(),
                        "queue", m.getBrokerName() + ":" + m.getQueueId(), "msgId", m.getMsgId());
                }
                if (received.incrementAndGet() == count) done.countDown();
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        try {
            c.start();
        } catch (Exception e) {
            c.shutdown();
            throw e;
        }
        return c;
    }
}
