import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { attachCluster, externalCluster, pollUntil, type AdminResult, type Cluster, type ClusterAddresses } from '@rocketmq-ts/testkit'

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

/** What a cold mqadmin JVM prints when a request timed out or its channel closed before the answer (not the command's own failure). */
const ADMIN_TRANSPORT_FAILURE = /Remoting(Timeout|SendRequest|Connect)Exception/

/**
 * `cluster.admin(args)`, run again (3 attempts) when the tool failed at the transport: 4.9's mqadmin gives its first
 * requests 3 s, which a cold JVM on a loaded 2-core machine can miss (its route refresh then closes the channel under
 * the command's own request). Use it only for idempotent commands.
 */
export async function mqadmin(cluster: Cluster, args: string[], options: { timeoutMs?: number } = {}): Promise<AdminResult> {
  let r = await cluster.admin(args, options)
  for (let attempt = 1; attempt < 3 && ADMIN_TRANSPORT_FAILURE.test(r.output); attempt++) {
    process.stderr.write(`[mqadmin] ${args[0]} failed at the transport (attempt ${attempt}); running it again\n`)
    r = await cluster.admin(args, options)
  }
  return r
}
