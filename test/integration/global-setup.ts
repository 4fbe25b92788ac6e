/**
 * Vitest globalSetup of the `integration` project: one real RocketMQ cluster per run.
 * - Default: starts NameServer + broker-a/b master+slave + proxy from Maven Central jars (@rocketmq-ts/testkit),
 *   on the default ports if free, else on the first free offset (+1000, +2000, ...; ROCKETMQ_PORT_OFFSET forces one).
 * - ROCKETMQ_NAMESRV=host:port: uses that external cluster instead (fault helpers then throw).
 * Tests get the addresses with `inject('cluster')` and drive faults with `clusterControl()` from ./helpers.ts.
 * If this process dies, the kit's detached watchdog stops the JVMs; the next start also cleans up stale runs.
 */
import type { TestProject } from 'vitest/node'
import { attachCluster, externalCluster, startCluster, type Cluster } from '@rocketmq-ts/testkit'

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env['ROCKETMQ_NAMESRV']
  const quiet = process.env['ROCKETMQ_TESTKIT_QUIET'] !== undefined
  let cluster: Cluster
  // ROCKETMQ_TESTKIT_STATE=<run dir or state.json>: reuse a kit cluster started earlier (npm run cluster:up);
  // fault helpers work on it and it is left running afterwards.
  const reuse = process.env['ROCKETMQ_TESTKIT_STATE']
  if (reuse !== undefined && reuse !== '') {
    const attached = attachCluster(reuse)
    await attached.ensureDefaultTopics()
    project.provide('cluster', attached.addresses())
    return async () => {}
  }
  if (external !== undefined && external !== '') {
    cluster = await externalCluster(external)
    await cluster.ensureDefaultTopics()
  } else {
    const offset = process.env['ROCKETMQ_PORT_OFFSET']
    cluster = await startCluster({
      portOffset: offset === undefined || offset === '' ? 'auto' : Number(offset),
      progress: quiet ? false : (line) => void process.stderr.write(`${line}\n`),
    })
  }
  project.provide('cluster', cluster.addresses())
  return async () => {
    await cluster.stop()
  }
}
