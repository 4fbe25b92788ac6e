package bench;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.body.LockBatchRequestBody;
import org.apache.rocketmq.remoting.protocol.body.LockBatchResponseBody;
import org.apache.rocketmq.remoting.protocol.body.UnlockBatchRequestBody;

/**
 * Prints the bodies the Java client encodes for LOCK_BATCH_MQ / UNLOCK_BATCH_MQ (and a lock response), one per line,
 * for the golden-bytes unit test of cluster/queue-locks.ts (packages/client/test/fixtures/queue-locks.json).
 */
public final class LockBodyDump {
    public static void main(String[] argv) {
        Set<MessageQueue> one = new HashSet<>();
        one.add(new MessageQueue("TopicOrder", "broker-a", 1));
        LockBatchRequestBody lock = new LockBatchRequestBody();
        lock.setConsumerGroup("order_group");
        lock.setClientId("127.0.0.1@1234#56");
        lock.setMqSet(one);
        System.out.println(new String(lock.encode(), StandardCharsets.UTF_8));
        UnlockBatchRequestBody unlock = new UnlockBatchRequestBody();
        unlock.setConsumerGroup("order_group");
        unlock.setClientId("127.0.0.1@1234#56");
        unlock.setMqSet(one);
        System.out.println(new String(unlock.encode(), StandardCharsets.UTF_8));
        Set<MessageQueue> two = new LinkedHashSet<>();
        two.add(new MessageQueue("TopicOrder", "broker-a", 0));
        two.add(new MessageQueue("TopicOrder", "broker-a", 1));
        LockBatchResponseBody res = new LockBatchResponseBody();
        res.setLockOKMQSet(two);
        System.out.println(new String(res.encode(), StandardCharsets.UTF_8));
    }
}
