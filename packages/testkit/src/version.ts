/**
 * The one place the Apache RocketMQ version of the test cluster is pinned.
 *
 * Chosen by trying the newest 5.x releases in order on JDK 17 with Maven Central only (2026-11-24):
 * - 5.5.1: NOT fully on Maven Central. rocketmq-broker/-common/-store 5.5.1 resolve, but
 *   rocketmq-namesrv, -proxy, -tools, -client, -srvutil, -filter and -auth 5.5.1 answer 404
 *   (`mvn dependency:copy-dependencies` fails: "Could not find artifact org.apache.rocketmq:rocketmq-namesrv:jar:5.5.1").
 * - 5.5.0: resolves (150 jars, ~102 MB) and NameServer, 2 masters, 2 slaves and the cluster-mode proxy boot on
 *   OpenJDK 17.0.15 without extra flags. This is the pinned version.
 *
 * Override per run with `startCluster({ version })` or the env var `ROCKETMQ_VERSION`.
 */
export const ROCKETMQ_VERSION = '5.5.0'

/** Image tag for docker-compose.yml (the official `apache/rocketmq` image). */
export const ROCKETMQ_IMAGE = `apache/rocketmq:${ROCKETMQ_VERSION}`
