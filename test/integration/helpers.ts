import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { attachCluster, externalCluster, pollUntil, type Cluster, type ClusterAddresses } from '@rocketmq-ts/testkit'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Addresses of the cluster started by global-setup.ts (serializable). */
    cluster: ClusterAddresses
  }
}

/** The cluster's addresses: nameServer, brokers {broker-a: {master, slave}, ...}, proxy {remoting, grpc}. */
export function clusterAddresses(): ClusterAddresses {
  return inject('cluster')
}

/**
 * A control handle on the run's cluster from inside a test file (a different process than globalSetup):
 * createTopic, killBroker, pauseBroker/resumeBroker, restartBroker, restartNameServer, updateBrokerConfig, admin,
 * logTail. It works on the pids recorded in the run's state file, so restarts are seen by the teardown too.
 */
export async function clusterControl(): Promise<Cluster> {
  const a = inject('cluster')
  return a.external ? externalCluster(a.nameServer) : attachCluster(a)
}

/** `<prefix>_<time>_<random>`: a topic/group name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
}

/**
 * Polls `cond` until it returns a value other than false/null/undefined (returned) or the timeout expires
 * (throws with `message` and the last error). Errors thrown by `cond` count as "not yet".
 */
export function waitFor<T>(
  cond: () => T | Promise<T>,
  options: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<Exclude<T, false | null | undefined>> {
  return pollUntil(cond, { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: options.intervalMs, what: options.message ?? 'condition' })
}

/** `waitFor` with the consumer tests' 50 ms polling and a description. */
export function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<unknown> {
  return waitFor(cond, { timeoutMs, intervalMs: 50, message: what })
}
