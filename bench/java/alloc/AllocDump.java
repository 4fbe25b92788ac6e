// Our own driver (not copied from apache/rocketmq): runs the REAL allocation strategies of
// org.apache.rocketmq:rocketmq-client over a matrix of cases and prints the results as JSON.
// The TypeScript tests in packages/client/test/rebalance assert against that output.
//
//   mvn -q -f bench/java/alloc/pom.xml dependency:copy-dependencies -DoutputDirectory=/tmp/alloc-lib
//   java -cp '/tmp/alloc-lib/*' bench/java/alloc/AllocDump.java > packages/client/test/rebalance/java-allocations.json
import java.util.*;
import org.apache.rocketmq.client.consumer.AllocateMessageQueueStrategy;
import org.apache.rocketmq.client.consumer.rebalance.*;
import org.apache.rocketmq.common.message.MessageQueue;

public class AllocDump {
  static final StringBuilder out = new StringBuilder();
  static final List<String> queueSetJson = new ArrayList<>();
  static final Map<String, Integer> queueSetIds = new LinkedHashMap<>();
  static final List<String> clientSetJson = new ArrayList<>();
  static final Map<String, Integer> clientSetIds = new LinkedHashMap<>();
  static final List<String> cases = new ArrayList<>();

  static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  static String strs(Collection<String> l) {
    StringJoiner j = new StringJoiner(",", "[", "]");
    for (String s : l) j.add(q(s));
    return j.toString();
  }

  /** Registers a queue set (as given, unsorted) and returns its id and the Java-sorted list. */
  static int queueSet(String topic, List<MessageQueue> given, List<MessageQueue> sortedOut) {
    List<MessageQueue> sorted = new ArrayList<>(given);
    Collections.sort(sorted); // as RebalanceImpl does
    StringJoiner g = new StringJoiner(",", "[", "]");
    for (MessageQueue mq : given) g.add("[" + q(mq.getBrokerName()) + "," + mq.getQueueId() + "]");
    StringJoiner s = new StringJoiner(",", "[", "]");
    for (MessageQueue mq : sorted) s.add("[" + q(mq.getBrokerName()) + "," + mq.getQueueId() + "]");
    String key = topic + "|" + g;
    sortedOut.addAll(sorted);
    Integer id = queueSetIds.get(key);
    if (id != null) return id;
    id = queueSetJson.size();
    queueSetIds.put(key, id);
    queueSetJson.add("{\"topic\":" + q(topic) + ",\"given\":" + g + ",\"sorted\":" + s + "}");
    return id;
  }

  static int clientSet(List<String> given, List<String> sortedOut) {
    List<String> sorted = new ArrayList<>(given);
    Collections.sort(sorted); // as RebalanceImpl does
    sortedOut.addAll(sorted);
    String key = strs(given);
    Integer id = clientSetIds.get(key);
    if (id != null) return id;
    id = clientSetJson.size();
    clientSetIds.put(key, id);
    clientSetJson.add("{\"given\":" + strs(given) + ",\"sorted\":" + strs(sorted) + "}");
    return id;
  }

  static void run(String kind, String params, AllocateMessageQueueStrategy st, String topic, List<MessageQueue> mqs, List<String> cids) {
    List<MessageQueue> mqAll = new ArrayList<>();
    int qs = queueSet(topic, mqs, mqAll);
    List<String> cidAll = new ArrayList<>();
    int cs = clientSet(cids, cidAll);
    StringJoiner allocs = new StringJoiner(",", "[", "]");
    for (String cid : cidAll) {
      List<MessageQueue> r = st.allocate("GID_ALLOC", cid, mqAll, cidAll);
      StringJoiner idx = new StringJoiner(",", "[", "]");
      for (MessageQueue mq : r) idx.add(String.valueOf(mqAll.indexOf(mq)));
      allocs.add(idx.toString());
    }
    cases.add("{\"strategy\":" + q(kind) + ",\"name\":" + q(st.getName()) + ",\"params\":" + params
        + ",\"queueSet\":" + qs + ",\"clientSet\":" + cs + ",\"allocations\":" + allocs + "}");
  }

  /** n queues spread over b brokers (given in a deliberately unsorted order), queue ids from 0. */
  static List<MessageQueue> spread(String topic, String[] brokers, int n, int b) {
    List<MessageQueue> l = new ArrayList<>();
    for (int j = 0; j < b; j++) {
      int count = n / b + (j < n % b ? 1 : 0);
      for (int i = 0; i < count; i++) l.add(new MessageQueue(topic, brokers[j], i));
    }
    return l;
  }

  static List<String> clients(String prefix, int c) {
    List<String> l = new ArrayList<>();
    // given in reverse so the driver's sort matters
    for (int i = c - 1; i >= 0; i--) l.add(prefix + (i * 7 + 2) + "@" + (31000 + i * 113));
    return l;
  }

  public static void main(String[] args) {
    String topic = "TopicAllocTest";
    String[] brokers = {"broker-b", "broker-a", "broker-e", "broker-c", "broker-d"};

    // 1. the main matrix: 1..12 queues over 1..5 brokers, 1..6 consumers, three general strategies
    for (int n = 1; n <= 12; n++) {
      for (int b = 1; b <= 5 && b <= n; b++) {
        for (int c = 1; c <= 6; c++) {
          List<MessageQueue> mqs = spread(topic, brokers, n, b);
          List<String> cids = clients("10.0.0.", c);
          run("averagely", "{}", new AllocateMessageQueueAveragely(), topic, mqs, cids);
          run("averagely-by-circle", "{}", new AllocateMessageQueueAveragelyByCircle(), topic, mqs, cids);
          run("consistent-hash", "{}", new AllocateMessageQueueConsistentHash(), topic, mqs, cids);
        }
      }
    }

    // 2. bigger topics (16 queues per broker, 2 and 4 brokers) over up to 10 consumers
    for (int b : new int[] {2, 4}) {
      for (int c = 1; c <= 10; c++) {
        List<MessageQueue> mqs = spread(topic, brokers, 16 * b, b);
        List<String> cids = clients("192.168.31.", c);
        run("averagely", "{}", new AllocateMessageQueueAveragely(), topic, mqs, cids);
        run("averagely-by-circle", "{}", new AllocateMessageQueueAveragelyByCircle(), topic, mqs, cids);
        run("consistent-hash", "{}", new AllocateMessageQueueConsistentHash(), topic, mqs, cids);
      }
    }

    // 3. consistent hash with other virtual node counts, and with realistic and non-ASCII client ids
    for (int v : new int[] {0, 1, 2, 3, 50, 160}) {
      for (int c = 1; c <= 6; c++) {
        List<MessageQueue> mqs = spread(topic, brokers, 12, 3);
        run("consistent-hash", "{\"virtualNodes\":" + v + "}", new AllocateMessageQueueConsistentHash(v), topic, mqs, clients("172.17.0.", c));
      }
    }
    List<String> odd = Arrays.asList("172.17.0.9@12345#1700000000000", "caf\u00e9@1", "\u6d88\u8d39\u8005@2", "\ud83d\ude00@3", "Zeta@4", "alpha@5", "lone\ud800x@6");
    for (int c = 1; c <= odd.size(); c++) {
      List<MessageQueue> mqs = spread("Topic_\u4e2d", brokers, 10, 5);
      run("consistent-hash", "{}", new AllocateMessageQueueConsistentHash(), "Topic_\u4e2d", mqs, odd.subList(0, c));
      run("averagely", "{}", new AllocateMessageQueueAveragely(), "Topic_\u4e2d", mqs, odd.subList(0, c));
    }

    // 4. the integration scenario: 4 queues on broker-a/broker-b, 2 then 3 clients
    for (int c = 2; c <= 3; c++) {
      List<MessageQueue> mqs = new ArrayList<>();
      for (String bn : new String[] {"broker-b", "broker-a"}) for (int i = 0; i < 2; i++) mqs.add(new MessageQueue(topic, bn, i));
      run("averagely", "{}", new AllocateMessageQueueAveragely(), topic, mqs, clients("10.1.0.", c));
      run("averagely-by-circle", "{}", new AllocateMessageQueueAveragelyByCircle(), topic, mqs, clients("10.1.0.", c));
      run("consistent-hash", "{}", new AllocateMessageQueueConsistentHash(), topic, mqs, clients("10.1.0.", c));
    }

    // 5. machine room: broker names "room@name" (plus malformed ones), consume rooms subsets
    String[] roomBrokers = {"hz@broker-a", "sh@broker-b", "hz@broker-c", "bj@broker-d", "broker-plain", "sh@", "@broker-x", "a@b@c", "sh@@"};
    List<MessageQueue> roomMqs = new ArrayList<>();
    for (String bn : roomBrokers) for (int i = 0; i < 3; i++) roomMqs.add(new MessageQueue(topic, bn, i));
    List<List<String>> roomSets = Arrays.asList(
        Arrays.asList("hz"), Arrays.asList("sh"), Arrays.asList("hz", "sh"), Arrays.asList("hz", "sh", "bj"),
        Arrays.asList(""), Arrays.asList("nowhere"), Arrays.asList("a", "broker-plain"));
    for (List<String> rooms : roomSets) {
      for (int c = 1; c <= 6; c++) {
        AllocateMessageQueueByMachineRoom st = new AllocateMessageQueueByMachineRoom();
        st.setConsumeridcs(new HashSet<>(rooms));
        run("machine-room", "{\"consumeRooms\":" + strs(rooms) + "}", st, topic, roomMqs, clients("10.2.0.", c));
      }
    }

    // 6. machine room nearby: room = text before the first '@' of broker name and client id
    AllocateMachineRoomNearby.MachineRoomResolver resolver = new AllocateMachineRoomNearby.MachineRoomResolver() {
      public String brokerDeployIn(MessageQueue mq) { return mq.getBrokerName().split("@")[0]; }
      public String consumerDeployIn(String cid) { return cid.split("@")[0]; }
    };
    List<MessageQueue> nearMqs = new ArrayList<>();
    String[] nearBrokers = {"hz@broker-a", "sh@broker-b", "hz@broker-c", "bj@broker-d", "gz@broker-e"};
    for (int i = 0; i < nearBrokers.length; i++) for (int k = 0; k < 2 + i; k++) nearMqs.add(new MessageQueue(topic, nearBrokers[i], k));
    List<String> nearClients = Arrays.asList("sh@10.3.0.1", "hz@10.3.0.2", "hz@10.3.0.3", "sh@10.3.0.4", "xa@10.3.0.5", "hz@10.3.0.6", "bj@10.3.0.7");
    for (int c = 1; c <= nearClients.size(); c++) {
      List<String> cids = nearClients.subList(0, c);
      run("machine-room-nearby", "{\"fallback\":\"averagely\"}", new AllocateMachineRoomNearby(new AllocateMessageQueueAveragely(), resolver), topic, nearMqs, cids);
      run("machine-room-nearby", "{\"fallback\":\"averagely-by-circle\"}", new AllocateMachineRoomNearby(new AllocateMessageQueueAveragelyByCircle(), resolver), topic, nearMqs, cids);
      run("machine-room-nearby", "{\"fallback\":\"consistent-hash\"}", new AllocateMachineRoomNearby(new AllocateMessageQueueConsistentHash(), resolver), topic, nearMqs, cids);
    }

    // 6b. the same with the room after the last '@', so broker-name order and room order differ
    AllocateMachineRoomNearby.MachineRoomResolver suffix = new AllocateMachineRoomNearby.MachineRoomResolver() {
      public String brokerDeployIn(MessageQueue mq) { return mq.getBrokerName().substring(mq.getBrokerName().lastIndexOf('@') + 1); }
      public String consumerDeployIn(String cid) { return cid.substring(cid.lastIndexOf('@') + 1); }
    };
    List<MessageQueue> suffixMqs = new ArrayList<>();
    String[] suffixBrokers = {"broker-a@sh", "broker-b@hz", "broker-c@bj", "broker-d@hz", "broker-e@gz", "broker-f@ab"};
    for (int i = 0; i < suffixBrokers.length; i++) for (int k = 0; k < 1 + i % 3; k++) suffixMqs.add(new MessageQueue(topic, suffixBrokers[i], k));
    List<String> suffixClients = Arrays.asList("10.5.0.1@sh", "10.5.0.2@xa", "10.5.0.3@hz", "10.5.0.4@sh", "10.5.0.5@gz");
    for (int c = 1; c <= suffixClients.size(); c++) {
      List<String> cids = suffixClients.subList(0, c);
      run("machine-room-nearby", "{\"fallback\":\"averagely\",\"resolver\":\"suffix\"}", new AllocateMachineRoomNearby(new AllocateMessageQueueAveragely(), suffix), topic, suffixMqs, cids);
      run("machine-room-nearby", "{\"fallback\":\"averagely-by-circle\",\"resolver\":\"suffix\"}", new AllocateMachineRoomNearby(new AllocateMessageQueueAveragelyByCircle(), suffix), topic, suffixMqs, cids);
    }

    // 7. by-config: returns the configured list for everyone
    {
      List<MessageQueue> mqs = spread(topic, brokers, 6, 2);
      List<MessageQueue> sorted = new ArrayList<>(mqs);
      Collections.sort(sorted);
      AllocateMessageQueueByConfig st = new AllocateMessageQueueByConfig();
      st.setMessageQueueList(Arrays.asList(sorted.get(4), sorted.get(1)));
      run("by-config", "{\"configured\":[4,1]}", st, topic, mqs, clients("10.4.0.", 3));
    }

    System.out.println("{\"generator\":\"bench/java/alloc/AllocDump.java\",\"rocketmqClient\":"
        + q(org.apache.rocketmq.common.MQVersion.getVersionDesc(org.apache.rocketmq.common.MQVersion.CURRENT_VERSION))
        + ",\"consumerGroup\":\"GID_ALLOC\",");
    System.out.println("\"queueSets\":[\n" + String.join(",\n", queueSetJson) + "],");
    System.out.println("\"clientSets\":[\n" + String.join(",\n", clientSetJson) + "],");
    System.out.println("\"cases\":[\n" + String.join(",\n", cases) + "]}");
  }
}
