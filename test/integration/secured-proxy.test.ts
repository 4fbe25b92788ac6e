/**
 * The proxy transport on a secured cluster: ACL 2.0 on brokers and proxy, TLS 'enforcing' (server certificate from the
 * kit's throw-away CA; no client certificate: rocketmq-client-nodejs cannot present one). A PushConsumer with
 * `proxy`, `credentials` and `tls: true` consumes what our remoting producer (same user) sent. (`namespace` is refused
 * through the proxy: measured here first, the 5.5.0 proxy looked up the plain topic's route for a namespaced consumer -
 * "No topic route info ... for the topic: <plain name>" - so it cannot reach `ns%T` as the Java client names it.) rocketmq-client-nodejs verifies the proxy against the default roots only, so the consumer runs in a child
 * process that trusts the kit's CA through GRPC_DEFAULT_SSL_ROOTS_FILE_PATH (read by @grpc/grpc-js), as an
 * application would with a CA its system trusts. This file starts its own cluster (masters and proxy).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Producer } from '@rocketmq-ts/client'
import { startCluster, type Cluster, type ClusterSecurity } from '@rocketmq-ts/testkit'
import { uniqueName, waitUntil } from './helpers.js'

const ALICE = { accessKey: 'alice', secretKey: 'alice-Secret-1' }
const TOPIC = uniqueName('SecProxy')

let cluster: Cluster
let security: ClusterSecurity
const children: ChildProcess[] = []
const open: Array<{ close(): Promise<unknown> }> = []

interface Member {
  proc: ChildProcess
  messages: Array<{ topic: string; body: string; msgId: string }>
  started: Promise<{ clientId: string }>
  close(): Promise<void>
}

function proxyMember(options: Record<string, unknown>): Member {
  const script = fileURLToPath(new URL('./support/proxy-member.mjs', import.meta.url))
  const proc = fork(script, [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, GRPC_DEFAULT_SSL_ROOTS_FILE_PATH: security.tls!.pki.caFile },
  })
  children.push(proc)
  const messages: Member['messages'] = []
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  const started = new Promise<{ clientId: string }>((resolve, reject) => {
    proc.on('message', (m: { type: string; clientId?: string; topic?: string; body?: string; msgId?: string; code?: string; message?: string }) => {
      if (m.type === 'started') resolve({ clientId: m.clientId ?? '' })
      else if (m.type === 'message') messages.push({ topic: m.topic!, body: m.body!, msgId: m.msgId! })
      else if (m.type === 'error') reject(Object.assign(new Error(m.message), { code: m.code }))
    })
    proc.once('exit', (code) => reject(new Error(`the proxy member exited with ${code} before it started`)))
  })
  return {
    proc,
    messages,
    started,
    close: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.send({ type: 'close' })
      await exited
    },
  }
}

beforeAll(async () => {
  cluster = await startCluster({
    portOffset: 'auto',
    withSlaves: false,
    withProxy: true,
    defaultTopics: false,
    auth: { users: [{ username: ALICE.accessKey, password: ALICE.secretKey, acls: [{ resource: 'Topic:*', actions: ['Pub', 'Sub', 'Get'] }, { resource: 'Group:*', actions: ['Sub'] }] }] },
    tls: { mode: 'enforcing', mutual: false },
    progress: process.env['ROCKETMQ_TESTKIT_QUIET'] === undefined ? (line) => void process.stderr.write(`${line}\n`) : false,
  })
  security = cluster.security()!
  await cluster.createTopic(TOPIC, { queuesPerBroker: 2 })
})

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  for (const c of open.splice(0)) await c.close().catch(() => undefined)
  await cluster?.stop()
})

describe('the proxy transport on a secured cluster', () => {
  it('credentials + tls: true through the proxy: consumes what the remoting producer (same user, TLS) sent', async () => {
    const proxy = cluster.addresses().proxy!
    const member = proxyMember({ proxy: { endpoints: proxy.grpc }, credentials: ALICE, tls: true, group: uniqueName('sec_proxy'), subscriptions: { [TOPIC]: '*' } })
    await member.started
    const producer = new Producer({ nameServer: cluster.nameServer, credentials: ALICE, tls: { ca: readFileSync(security.tls!.pki.caFile) } })
    open.push(producer)
    const bodies = Array.from({ length: 10 }, (_, i) => `px-${i}`)
    for (const body of bodies) expect((await producer.send({ topic: TOPIC, body })).queue.topic).toBe(TOPIC)
    await waitUntil(() => bodies.every((b) => member.messages.some((m) => m.body === b)), 60_000, 'the 10 messages through the secured proxy')
    expect(new Set(member.messages.map((m) => m.topic))).toEqual(new Set([TOPIC]))
    await member.close()
    expect(member.proc.exitCode).toBe(0)
  })

  it('a wrong secret through the proxy: start() fails (not a hang)', async () => {
    const proxy = cluster.addresses().proxy!
    const member = proxyMember({ proxy: { endpoints: proxy.grpc }, credentials: { accessKey: 'alice', secretKey: 'wrong' }, tls: true, group: uniqueName('sec_proxy_bad'), subscriptions: { [TOPIC]: '*' } })
    const e = (await member.started.then(
      () => undefined,
      (x: unknown) => x,
    )) as (Error & { code?: string }) | undefined
    expect(e).toBeInstanceOf(Error)
    console.info(`[secured proxy] wrong secret: ${e?.code}: ${e?.message}`)
    expect(e?.message).toMatch(/check signature failed/)
    await member.close()
  })
})
