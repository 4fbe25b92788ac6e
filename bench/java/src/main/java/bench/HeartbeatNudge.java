package bench;

import org.apache.rocketmq.client.impl.factory.MQClientInstance;

/**
 * Works around a start-up race of rocketmq-client 5.5.0 seen on this machine: the rebalance right after start()
 * bumps the subscription version and asks for a heartbeat, but `sendHeartbeatToAllBrokerWithLockV2` finds the
 * heartbeat lock held by the start-up heartbeat and gives up ("lock heartBeat, but failed"). Brokers that missed
 * the new version answer every pull with SUBSCRIPTION_NOT_LATEST until the next periodic heartbeat (30 s), so a
 * drain can stall for ~30 s on some queues. The throughput programs call this to resend the heartbeat a few times
 * during the first seconds, which is what the client meant to do; it does not change steady-state behaviour.
 */
final class HeartbeatNudge {
    static void start(MQClientInstance factory, long forMs) {
        Thread t = new Thread(() -> {
            long end = System.currentTimeMillis() + forMs;
            while (System.currentTimeMillis() < end) {
                try {
                    Thread.sleep(500);
                    factory.sendHeartbeatToAllBrokerWithLock();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // best effort: the periodic heartbeat still runs
                }
            }
        }, "bench-heartbeat-nudge");
        t.setDaemon(true);
        t.start();
    }
}
