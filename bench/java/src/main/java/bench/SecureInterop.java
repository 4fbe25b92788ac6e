package bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.AllocateMessageQueueStrategy;
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
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.RPCHook;

/**
 * The Java side of the secured-cluster interop tests (test/integration/secured.test.ts): rocketmq-client 5.5.0 with
 * AclClientRPCHook (--ak/--sk), TLS from the JVM's -Dtls.* properties, and the v1 namespace (--namespace).
 *
 * produce: sends --count messages "<prefix>-<i>" to --topic; prints {"sent":n}. --property name=value adds that user
 *   property to every message (e.g. a W3C traceparent, as an OpenTelemetry-instrumented Java app writes it:
 *   test/integration/opentelemetry.test.ts).
 * produce-tx: a TransactionMQProducer (--group) sends "<prefix>-commit", "<prefix>-rollback" and "<prefix>-unknown"
 *   to --topic; its local transaction answers COMMIT, ROLLBACK and UNKNOW by the suffix; its check-back prints
 *   {"checked":body} and answers ROLLBACK for "-rollback", COMMIT otherwise. Prints {"sent":3}, then runs
 *   (answering check-backs) until stdin closes or --timeout-ms passes, then {"done":true}.
 * consume: a push consumer (clustering, --group, CONSUME_FROM_FIRST_OFFSET) that prints {"started":true} once
 *   started, {"ready":true,"queues":n} once its first rebalance gave it queues of --topic, then one
 *   {"body","topic","queue","msgId"} line per message (topic as the listener sees it), until --count messages arrived
 *   (then {"done":true}) or stdin closes or --timeout-ms passes.
 * --pop true: consume by POP (setClientRebalance(false); --invisible-ms the popInvisibleTime); the group's request mode
 *   must be POP on the brokers (our PushConsumer with `pop` sets it at start). The "ready" line comes from the
 *   client-side allocation, which POP does not use (the broker assigns): do not wait for it then.
 * --trace true: the client's message trace (enableMsgTrace, RMQ_SYS_TRACE_TOPIC); produce then prints {"msgId"} per
 *   message sent (test/integration/trace.test.ts).
 */
public final class SecureInterop {
    public static void main(String[] argv) throws Exception {
        String mode = argv[0];
        Args a = new Args(java.util.Arrays.copyOfRange(argv, 1, argv.length));
        RPCHook hook = a.str("ak", "").isEmpty() ? null : new AclClientRPCHook(new SessionCredentials(a.str("ak"), a.str("sk")));
        String ns = a.str("namespace", "");
        try {
            if (mode.equals("produce")) produce(a, hook, ns);
            else if (mode.equals("consume")) consume(a, hook, ns);
            else if (mode.equals("produce-tx")) produceTx(a, hook, ns);
            else throw new IllegalArgumentException("mode must be produce, produce-tx or consume");
        } catch (Exception e) {
            // The client's non-daemon threads would keep the JVM alive: leave, so the caller sees the exit at once.
            e.printStackTrace();
            System.exit(1);
        }
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
        String property = a.str("property", "");
        int eq = property.indexOf('=');
        if (!property.isEmpty() && eq <= 0) throw new IllegalArgumentException("--property must be name=value");
        long sent = 0;
        long failedAttempts = 0;
        for (long i = 0; i < count; i++) {
            Message m = new Message(a.str("topic"), prefix + "-" + i, (prefix + "-" + i).getBytes(StandardCharsets.UTF_8));
            if (!property.isEmpty()) m.putUserProperty(property.substring(0, eq), property.substring(eq + 1));
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
        CountDownLatch stop = new CountDownLatch(1);
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
                String body = new String(msg.getBody(), StandardCharsets.UTF_8);
                synchronized (System.out) {
                    Args.printJson("checked", body);
                }
                // What the local transaction decided (or, for "-unknown", decides now): a late END_TRANSACTION of
                // the rolled-back one is answered the same way.
                return body.endsWith("-rollback") ? LocalTransactionState.ROLLBACK_MESSAGE : LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        p.start();
        String prefix = a.str("prefix", "java");
        long sent = 0;
        long failedAttempts = 0;
        for (String suffix : new String[] {"commit", "rollback", "unknown"}) {
            String body = prefix + "-" + suffix;
            for (int attempt = 1; ; attempt++) {
                try {
                    TransactionSendResult r = p.sendMessageInTransaction(new Message(a.str("topic"), body, body.getBytes(StandardCharsets.UTF_8)), null);
                    if (r.getSendStatus() == org.apache.rocketmq.client.producer.SendStatus.SEND_OK) sent++;
                    break;
                } catch (Exception e) {
                    // e.g. the NameServer's route lookup timing out (3 s) on a loaded machine: retry as an application
                    // would (a half message stored by a failed attempt is settled by the same listener).
                    failedAttempts++;
                    if (attempt == 5) throw e;
                    Thread.sleep(1000);
                }
            }
        }
        Args.printJson("sent", sent, "failedAttempts", failedAttempts);
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() != -1) { /* wait for EOF */ }
            } catch (java.io.IOException ignored) {
                // treat as EOF
            }
            stop.countDown();
        });
        stdin.setDaemon(true);
        stdin.start();
        // Not on the first check-back: its END_TRANSACTION (oneway) is sent after the listener returns, so the
        // process stays until the caller has seen the result and closes stdin.
        stop.await(a.num("timeout-ms", 120_000), TimeUnit.MILLISECONDS);
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
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(a.str("group"), hook, readyReporter(a.str("topic")), trace, null);
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

    /**
     * AllocateMessageQueueAveragely that prints {"ready":true,"queues":n} the first time it gives this member queues of
     * `topic` (the %RETRY% topic's allocation does not count): the consumer is then in the group and about to pull them.
     */
    private static AllocateMessageQueueStrategy readyReporter(String topic) {
        AllocateMessageQueueStrategy inner = new AllocateMessageQueueAveragely();
        AtomicBoolean reported = new AtomicBoolean();
        return new AllocateMessageQueueStrategy() {
            @Override
            public List<MessageQueue> allocate(String group, String currentCid, List<MessageQueue> all, List<String> cids) {
                List<MessageQueue> mine = inner.allocate(group, currentCid, all, cids);
                boolean ofTopic = !mine.isEmpty() && !mine.get(0).getTopic().startsWith("%RETRY%") && mine.get(0).getTopic().endsWith(topic);
                if (ofTopic && reported.compareAndSet(false, true)) {
                    synchronized (System.out) {
                        Args.printJson("ready", true, "queues", mine.size());
                    }
                }
                return mine;
            }

            @Override
            public String getName() {
                return inner.getName();
            }
        };
    }
}
