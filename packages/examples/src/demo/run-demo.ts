/**
 * The demo: a real cluster (the test kit's, or one given by ROCKETMQ_NAMESRV), a fresh order topic with 4 queues over
 * two masters, the order producer, and team consumers as child processes. It shows who owns which queue, stops one
 * stock instance and starts another (a visible rebalance), and ends with a per-group summary of produced, consumed,
 * duplicated and lost messages. Everything it started is stopped, also on abort (Ctrl-C).
 *
 * Why one file over 400 lines: it is a script read top to bottom, one scene after another; most of its length is the
 * result types the demo test checks (DemoSummary, DemoView) and the narration.
 */
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { Writable } from 'node:stream'
import { Admin } from '@rocketmq-ts/client'
import { startCluster, defaultCacheDir, type Cluster } from '@rocketmq-ts/testkit'
import { ORDER_TOPIC } from '../order.js'
import { createOrderProducer, publishPaced, type OrderProducer } from '../order-system.js'
import { TEAM_GROUPS, type Team } from '../teams.js'
import type { MemberArgs, MemberMessage } from './protocol.js'
import { renderFrame, renderStatusLine, renderSummary, stripAnsi } from './render.js'
import type { DemoSummary, DemoView, GroupSummary, GroupView, InstanceView } from './view.js'

export interface DemoOptions {
  /** Use this cluster instead of starting one (default: env ROCKETMQ_NAMESRV, else start the test kit's cluster). */
  nameServer?: string
  /** Orders to publish. Default 1200. */
  messages?: number
  /** Orders per second. Default 40. */
  ratePerSecond?: number
  /** Teams (consumer groups) to run. Default stock and marketing. */
  teams?: Team[]
  /** Instances per group. Default 2. */
  instances?: number
  /** Topic name; default TopicOrderPaySuccess on a cluster the demo starts, a fresh `TopicOrderPaySuccess_demo_<id>` otherwise. */
  topic?: string
  /** Appended to every group name (e.g. to keep test runs apart). Default none. */
  groupSuffix?: string
  /** Stop one stock instance mid-run and start another. Default true (needs 'stock' in teams). */
  restart?: boolean
  /** No output at all (for tests). */
  quiet?: boolean
  /** Where the live view goes; default process.stdout. Progress of the cluster start goes here too. */
  output?: Writable & { isTTY?: boolean; columns?: number }
  /** Abort = stop producing, close everything, return the summary so far. */
  signal?: AbortSignal
  /** How long to wait for every group to consume every message after the last send. Default 90 s. */
  drainTimeoutMs?: number
  /** How long to wait for instances to start and for rebalances to settle. Default 60 s. */
  settleTimeoutMs?: number
}

class Abort extends Error {
  constructor() {
    super('demo aborted')
  }
}

const memberScript = fileURLToPath(new URL('./member.js', import.meta.url))

export async function runDemo(opts: DemoOptions = {}): Promise<DemoSummary> {
  const startedAt = Date.now()
  const out = opts.output ?? process.stdout
  const quiet = opts.quiet ?? false
  const tty = !quiet && out.isTTY === true
  const messages = opts.messages ?? 1200
  const rate = opts.ratePerSecond ?? 40
  const teams = opts.teams ?? ['stock', 'marketing']
  const perGroup = opts.instances ?? 2
  const settleMs = opts.settleTimeoutMs ?? 60_000
  const signal = opts.signal
  const write = (s: string) => {
    if (!quiet) out.write(s)
  }
  const secs = () => ((Date.now() - startedAt) / 1000).toFixed(1).padStart(5)

  // ---- change notification: every IPC message, send and state change wakes the waiters
  let waiters: Array<() => void> = []
  const notify = () => {
    const w = waiters
    waiters = []
    for (const f of w) f()
  }
  signal?.addEventListener('abort', notify, { once: true })
  async function waitUntil(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!cond()) {
      if (signal?.aborted) throw new Abort()
      const remaining = deadline - Date.now()
      if (remaining <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(remaining, 1000)) // also re-check children that died silently
        waiters.push(() => {
          clearTimeout(t)
          resolve()
        })
      })
    }
  }

  let cluster: Cluster | undefined
  let nameServer = ''
  let ownCluster = false
  let clusterStartedMs: number | null = null
  let producer: OrderProducer | undefined
  const view: DemoView = {
    nameServer: '',
    topic: '',
    queues: [],
    startedAt,
    messages,
    ratePerSecond: rate,
    produced: 0,
    sendFailures: 0,
    transactions: { committed: 0, endErrors: 0, checkBacks: 0 },
    phase: 'starting',
    instances: [],
    groups: teams.map((team) => ({ team, group: TEAM_GROUPS[team] + (opts.groupSuffix ?? ''), counts: new Map(), deliveries: 0, skipped: 0, where: new Map() })),
    events: [],
  }
  const producedIds = new Set<string>()
  let rebalances = 0
  let aborted = false

  // ---- output: a frame redrawn in place on a TTY, event lines and periodic status lines otherwise
  let frameLines = 0
  let lastStatus = 0
  const redraw = () => {
    if (!tty) return
    const frame = renderFrame(view, out.columns ?? 120)
    out.write((frameLines > 0 ? `\x1b[${frameLines}A\x1b[0J` : '') + frame)
    frameLines = frame.split('\n').length - 1
  }
  const event = (text: string) => {
    view.events.push({ at: Date.now(), text })
    if (view.events.length > 200) view.events.splice(0, 100)
    if (!tty) write(`[${secs()}s] ${text}\n`)
    notify()
  }
  let ticker: NodeJS.Timeout | undefined

  const spawnInstance = (team: Team, label: string): InstanceView => {
    const group = TEAM_GROUPS[team] + (opts.groupSuffix ?? '')
    const args: MemberArgs = { nameServer: view.nameServer, topic: view.topic, team, group, label }
    // detached: a Ctrl-C in the terminal reaches only the demo, which then closes the instances in order.
    const child = fork(memberScript, [JSON.stringify(args)], { detached: true, execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
    const inst: InstanceView = {
      label,
      team,
      group,
      pid: child.pid,
      clientId: undefined,
      state: 'starting',
      queues: [],
      consumed: 0,
      exitCode: null,
      stderrTail: [],
      child,
      exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    }
    const g = view.groups.find((x) => x.team === team)!
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) inst.stderrTail.push(line)
      if (inst.stderrTail.length > 20) inst.stderrTail.splice(0, inst.stderrTail.length - 20)
    })
    child.on('message', (raw) => {
      const m = raw as MemberMessage
      switch (m.type) {
        case 'started':
          inst.state = 'running'
          inst.clientId = m.clientId
          inst.queues = m.queues
          event(`${label} (pid ${inst.pid}) started, owns ${m.queues.length ? m.queues.join(' ') : 'nothing yet'}`)
          break
        case 'assignment':
          if (m.queues.join() === inst.queues.join()) break
          if (inst.state !== 'starting') {
            if (view.phase !== 'stopping') rebalances++
            const added = m.queues.filter((q) => !inst.queues.includes(q))
            const removed = inst.queues.filter((q) => !m.queues.includes(q))
            event(`${label} rebalanced: ${[...added.map((q) => `+${q}`), ...removed.map((q) => `-${q}`)].join(' ')} -> owns ${m.queues.length}`)
          }
          inst.queues = m.queues
          break
        case 'consumed':
          for (const entry of m.ids) {
            const sp = entry.indexOf(' ')
            const id = sp < 0 ? entry : entry.slice(0, sp)
            g.counts.set(id, (g.counts.get(id) ?? 0) + 1)
            const at = `${label} ${sp < 0 ? '' : entry.slice(sp + 1)}`
            const w = g.where.get(id)
            if (w) w.push(at)
            else g.where.set(id, [at])
          }
          g.deliveries += m.ids.length
          inst.consumed += m.ids.length
          break
        case 'deduplicated':
          g.skipped += m.ids.length
          break
        case 'closing':
          inst.state = 'closing'
          break
        case 'closed':
          event(`${label} closed gracefully: drained ${m.drained} in-flight, committed ${m.committed} queue offset(s)`)
          inst.queues = []
          break
        case 'error':
          event(`${label} error: ${m.message}`)
          break
      }
      notify()
    })
    child.once('exit', (code, sig) => {
      inst.exitCode = code
      const clean = code === 0 || (code === null && sig === 'SIGTERM')
      if (inst.state !== 'closing' && !clean) {
        inst.state = 'failed'
        event(`${label} exited (code ${code ?? sig}): ${inst.stderrTail.slice(-3).join(' | ') || 'no output'}`)
      } else {
        inst.state = 'stopped'
      }
      inst.queues = []
      notify()
    })
    child.on('error', (e) => event(`${label} could not start: ${e.message}`))
    view.instances.push(inst)
    return inst
  }

  const stopInstance = async (inst: InstanceView, why: string): Promise<void> => {
    if (inst.child.exitCode !== null || inst.child.signalCode !== null) return
    event(`${why}: SIGTERM to ${inst.label} (pid ${inst.pid})`)
    inst.child.kill('SIGTERM')
    const t = setTimeout(() => inst.child.kill('SIGKILL'), 45_000)
    await inst.exited
    clearTimeout(t)
  }

  const live = (team: Team) => view.instances.filter((i) => i.team === team && i.state === 'running')
  const balanced = (team: Team): boolean => {
    const members = live(team)
    if (members.length === 0) return false
    const owned = members.flatMap((i) => i.queues)
    const fair = Math.floor(view.queues.length / members.length)
    return owned.length === view.queues.length && new Set(owned).size === owned.length && members.every((i) => i.queues.length >= fair)
  }
  const lostOf = (g: GroupView) => [...producedIds].filter((id) => !g.counts.has(id))
  const groupDone = (g: GroupView) => lostOf(g).length === 0

  try {
    // ---- 1. cluster
    const given = opts.nameServer ?? process.env['ROCKETMQ_NAMESRV']
    if (given) {
      view.phase = `using the cluster at ${given}`
      write(`Using the RocketMQ cluster at ${given} (ROCKETMQ_NAMESRV)\n`)
      nameServer = given
    } else {
      view.phase = 'starting the cluster'
      write('Starting a local RocketMQ cluster (NameServer, broker-a and broker-b with slaves) from Maven Central jars.\n')
      write(`The first run downloads ~100 MB of jars (Maven) into ${defaultCacheDir()}; later runs start in about a minute.\n`)
      const t = Date.now()
      cluster = await startCluster({
        portOffset: 'auto',
        withProxy: false,
        defaultTopics: false,
        progress: quiet ? false : (line) => void out.write(`[${secs()}s] ${line}\n`),
      })
      ownCluster = true
      clusterStartedMs = Date.now() - t
      nameServer = cluster.nameServer
    }
    if (signal?.aborted) throw new Abort()
    view.nameServer = nameServer

    // ---- 2. a fresh topic: 2 queues on each master
    view.topic = opts.topic ?? (ownCluster ? ORDER_TOPIC : `${ORDER_TOPIC}_demo_${randomBytes(3).toString('hex')}`)
    // Topics are created with the client's Admin (what an application would do), not with the test kit.
    const admin = new Admin({ nameServer })
    try {
      const route = await admin.createTopic(view.topic, { queuesPerBroker: 2 })
      view.queues = route.queues.map((q) => `${q.brokerName}:${q.queueId}`).sort()
    } finally {
      await admin.close()
    }
    write(`[${secs()}s] topic ${view.topic}: ${view.queues.length} queues (${view.queues.join(' ')}) on NameServer ${view.nameServer}\n`)
    // The order system: each order is marked paid in its (in-memory) order table and published in one transaction.
    producer = createOrderProducer({ nameServer: view.nameServer, topic: view.topic, onCheck: () => void view.transactions.checkBacks++ })

    // ---- 3. consumers: N instances per group, each its own process
    view.phase = 'starting consumers'
    if (tty) ticker = setInterval(redraw, 250)
    else if (!quiet) {
      ticker = setInterval(() => {
        if (Date.now() - lastStatus >= 5000) {
          lastStatus = Date.now()
          write(`[${secs()}s] ${renderStatusLine(view)}\n`)
        }
      }, 1000)
    }
    ticker?.unref()
    const seq: Record<string, number> = {}
    const next = (team: Team) => `${team}-${(seq[team] = (seq[team] ?? 0) + 1)}`
    for (const team of teams) for (let i = 0; i < perGroup; i++) spawnInstance(team, next(team))
    await waitUntil(() => teams.every(balanced), settleMs, 'every group to start and share the queues')
    event(`all groups balanced: ${teams.map((t) => `${TEAM_GROUPS[t]} ${live(t).map((i) => `${i.label}=[${i.queues.join(' ')}]`).join(' ')}`).join('; ')}`)

    // ---- 4. produce; meanwhile stop one stock instance and start another
    view.phase = `producing ${messages} orders at ${rate}/s`
    event(`${view.phase} (transactional: each published with its order row marked paid)`)
    const publish = (count: number, firstSeq: number) =>
      publishPaced(producer!, {
        count,
        firstSeq,
        ratePerSecond: rate,
        ...(signal ? { signal } : {}),
        onSent: (r) => {
          if (r.endError) view.transactions.endErrors++
          else view.transactions.committed++
          producedIds.add(r.msgId)
          view.produced = producedIds.size
          notify()
        },
        onError: (e) => {
          view.sendFailures++
          event(`send failed: ${e instanceof Error ? e.message : String(e)}`)
        },
      }).then(
        // A failure of the producer must not go unobserved while we orchestrate the restart.
        () => undefined,
        (e: unknown) => e,
      )
    const restartScene = (opts.restart ?? true) && teams.includes('stock')
    // With the restart scene, the last 40% of the orders wait until the new stock instance has joined, so it always
    // gets orders of its own (on a slow machine the scene can take longer than the first 60% take to send).
    const firstPart = restartScene ? Math.ceil(messages * 0.6) : messages
    let firstPartSent = false
    const produced = publish(firstPart, 1).finally(() => (firstPartSent = true))
    if (restartScene) {
      await waitUntil(() => view.produced >= Math.floor(messages * 0.35), settleMs + (messages / Math.max(rate, 1)) * 1000, 'a third of the orders')
      const victim = live('stock')[0]
      if (victim) {
        view.phase = `stopping ${victim.label}`
        await stopInstance(victim, 'rebalance demo')
        await waitUntil(() => balanced('stock'), settleMs, 'the other stock instances to take over its queues')
        event(`stock_consumer_group after the stop: ${live('stock').map((i) => `${i.label}=[${i.queues.join(' ')}]`).join(' ')}`)
        const fresh = spawnInstance('stock', next('stock'))
        view.phase = `starting ${fresh.label}`
        await waitUntil(() => fresh.state === 'running' && balanced('stock') && fresh.queues.length > 0, settleMs, `${fresh.label} to join and get queues`)
        event(`stock_consumer_group after the join: ${live('stock').map((i) => `${i.label}=[${i.queues.join(' ')}]`).join(' ')}`)
        if (firstPartSent && firstPart < messages) event(`the first ${firstPart} orders were sent before ${fresh.label} joined; the other ${messages - firstPart} waited for it`)
      }
    }
    view.phase = `producing ${messages} orders at ${rate}/s`
    let producerError = await produced
    if (!producerError && firstPart < messages && !signal?.aborted) producerError = await publish(messages - firstPart, firstPart + 1)
    if (producerError) throw producerError
    if (signal?.aborted) throw new Abort()
    event(`produced ${view.produced} orders${view.sendFailures ? ` (${view.sendFailures} sends failed)` : ''}; waiting for every group to consume them`)

    // ---- 5. drain
    view.phase = 'waiting for the consumers to catch up'
    try {
      await waitUntil(() => view.groups.every(groupDone), opts.drainTimeoutMs ?? 90_000, 'every group to consume every order')
      event('every group consumed every order')
    } catch (e) {
      if (e instanceof Abort) throw e
      event(`${(e as Error).message}; stopping anyway`)
    }
  } catch (e) {
    if (!(e instanceof Abort) && !signal?.aborted) {
      await cleanup().catch(() => undefined)
      throw e
    }
    aborted = true
    event('interrupted: stopping everything')
  }
  await cleanup()

  async function cleanup(): Promise<void> {
    view.phase = 'stopping'
    await Promise.all(view.instances.map((i) => stopInstance(i, 'end of demo').catch(() => undefined)))
    if (ticker) clearInterval(ticker)
    redraw()
    await producer?.close().catch(() => undefined)
    if (ownCluster && cluster) {
      write(`[${secs()}s] stopping the cluster\n`)
      await cluster.stop()
      cluster = undefined
    }
  }

  const groups: GroupSummary[] = view.groups.map((g) => {
    const lost = lostOf(g)
    let consumed = 0
    let unexpected = 0
    for (const id of g.counts.keys()) {
      if (producedIds.has(id)) consumed++
      else unexpected++
    }
    return {
      team: g.team,
      group: g.group,
      produced: producedIds.size,
      consumed,
      deliveries: g.deliveries,
      duplicates: g.deliveries - g.counts.size,
      skipped: g.skipped,
      lost: lost.length,
      unexpected,
      lostIds: lost.slice(0, 10),
      duplicateExamples: [...g.where.entries()]
        .filter(([, w]) => w.length > 1)
        .slice(0, 5)
        .map(([msgId, deliveries]) => ({ msgId, deliveries })),
    }
  })
  const summary: DemoSummary = {
    nameServer: view.nameServer,
    topic: view.topic,
    queues: view.queues,
    produced: producedIds.size,
    sendFailures: view.sendFailures,
    transactions: { ...view.transactions },
    groups,
    instances: view.instances.map((i) => ({
      label: i.label,
      team: i.team,
      pid: i.pid,
      clientId: i.clientId,
      consumed: i.consumed,
      state: i.state,
      exitCode: i.exitCode,
      queues: i.queues,
    })),
    rebalances,
    clusterStartedMs,
    durationMs: Date.now() - startedAt,
    aborted,
    ok: !aborted && producedIds.size > 0 && groups.every((g) => g.lost === 0),
  }
  write(tty ? renderSummary(summary) : stripAnsi(renderSummary(summary)))
  return summary
}
