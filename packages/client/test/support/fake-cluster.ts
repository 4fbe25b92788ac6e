/**
 * A scripted fake broker for unit tests of the consumer's rules, behind the same ClusterPort the real client instance
 * implements (src/cluster/port.ts). One FakeBroker holds the queues (store-format records made by
 * encodeStoreMessage), the committed offsets, the group's members and every request it received; each consumer gets
 * its own FakeCluster (its own client id) on that broker: `new PushConsumer(opts, { cluster: fake.factory('c1') })`.
 *
 * Pulls behave as the broker's: messages from the requested offset (up to maxMsgNums), PULL_NOT_FOUND after holding
 * the request for suspendTimeoutMillis (or at once when a message is appended, or ERR_ABORTED when the pull's signal
 * aborts), PULL_OFFSET_MOVED past the end. `script.pull` can answer a pull instead (faults, malformed answers).
 * Works with vitest fake timers (every wait is a setTimeout).
 */
import { RocketMQError } from '../../src/errors.js'
import { silentLogger, type Logger } from '../../src/logger.js'
import type { RemotingCommand } from '../../src/remoting/command.js'
import { RequestCode, ResponseCode } from '../../src/remoting/codes.js'
import type { Invoker } from '../../src/cluster/broker-api.js'
import type { BrokerAddress, ConsumerRegistration } from '../../src/cluster/client-instance.js'
import type { ClusterFactory, ClusterPort } from '../../src/cluster/port.js'
import { encodeStoreMessage } from '../../src/protocol/message-encoder.js'
import { parseProperties } from '../../src/protocol/properties.js'
import { compareMessageQueues, mqKey, type MessageQueue, type TopicRouteData } from '../../src/protocol/route.js'

export interface Request {
  client: string
  address: string
  code: number
  ext: Record<string, string>
  oneway: boolean
}

interface Stored {
  topic: string
  tags?: string
  body: string
  properties?: Record<string, string>
  reconsumeTimes: number
}

interface ParkedPull {
  wake: () => void
}

export interface PullScriptContext {
  mq: MessageQueue
  offset: number
  request: Request
}

export interface Script {
  /** Answer a pull instead of the broker (return undefined to let the broker answer). May throw (transport error). */
  pull?: (ctx: PullScriptContext) => RemotingCommand | undefined | Promise<RemotingCommand | undefined>
  /** Answer CONSUMER_SEND_MSG_BACK with this code (default SUCCESS). */
  sendBackCode?: number
  /** Called after an UPDATE_CONSUMER_OFFSET is applied (e.g. to let an older commit land after it). */
  afterCommit?: (ctx: { group: string; mq: MessageQueue; offset: number; committed: Map<string, number>; key: string }) => void
}

const reply = (code: number, extFields: Record<string, string> = {}, body?: Buffer, remark?: string): RemotingCommand => ({
  code,
  language: 'JAVA',
  version: 0,
  opaque: 0,
  flag: 1,
  extFields,
  body,
  remark,
})

const keyOf = (topic: string, brokerName: string, queueId: string | number) => `${topic}@${brokerName}@${queueId}`

export class FakeBroker {
  readonly requests: Request[] = []
  /** topic -> queues */
  private readonly topics = new Map<string, MessageQueue[]>()
  private readonly store = new Map<string, Stored[]>()
  private readonly parked = new Map<string, Set<ParkedPull>>()
  /** `${group}|${mqKey}` -> committed offset */
  readonly committed = new Map<string, number>()
  /** group -> client id -> registration */
  private readonly members = new Map<string, Map<string, ConsumerRegistration>>()
  /** mqKey@offset of records served as garbage (undecodable). */
  private readonly corrupted = new Set<string>()
  /** Every SEND_MESSAGE_V2 received (topic, wire properties, body). */
  readonly sent: Array<{ topic: string; properties: Record<string, string>; body: Buffer }> = []
  readonly sentBack: Array<{ group: string; originMsgId: string; originTopic: string; delayLevel?: number }> = []
  /** Broker queue locks (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ): `${group}|${mqKey}` -> client id (no expiry). */
  readonly locks = new Map<string, string>()
  script: Script = {}
  /** getRoute answers with broker and queue data (masters `<brokerName>:0`), as POP's assignment needs. */
  fullRoutes = false
  /** POP: per `${group}|${mqKey}@${offset}`, until when the message is invisible, and its deliveries so far. */
  readonly popState = new Map<string, { invisibleUntil: number; acked: boolean; deliveries: number; popTime: number }>()
  /** POP: SET_MESSAGE_REQUEST_MODE bodies received. */
  readonly requestModes: Array<{ topic: string; consumerGroup: string; mode: string; popShareQueueNum: number }> = []
  private popSeq = 0

  /** Create a topic with `perBroker` queues on each named broker. */
  topic(name: string, brokers: string[] = ['broker-a', 'broker-b'], perBroker = 2): MessageQueue[] {
    const queues: MessageQueue[] = []
    for (const b of brokers) for (let i = 0; i < perBroker; i++) queues.push({ topic: name, brokerName: b, queueId: i })
    this.topics.set(name, queues.sort(compareMessageQueues))
    return queues
  }

  queuesOf(topic: string): MessageQueue[] | undefined {
    return this.topics.get(topic)
  }

  /** Append messages to a queue; returns their offsets. Parked pulls of that queue are answered. */
  append(mq: MessageQueue, ...messages: Array<string | { body: string; tags?: string; properties?: Record<string, string>; reconsumeTimes?: number }>): number[] {
    const k = mqKey(mq)
    let list = this.store.get(k)
    if (!list) this.store.set(k, (list = []))
    const offsets: number[] = []
    for (const m of messages) {
      const s = typeof m === 'string' ? { body: m } : m
      offsets.push(list.length)
      list.push({ topic: mq.topic, body: s.body, tags: s.tags, properties: s.properties, reconsumeTimes: s.reconsumeTimes ?? 0 })
    }
    for (const p of this.parked.get(k) ?? []) p.wake()
    return offsets
  }

  /** Serve the record at `offset` as bytes no decoder accepts (until `repair`). */
  corrupt(mq: MessageQueue, offset: number): void {
    this.corrupted.add(`${mqKey(mq)}@${offset}`)
  }

  maxOffset(mq: MessageQueue): number {
    return this.store.get(mqKey(mq))?.length ?? 0
  }

  committedOffset(group: string, mq: MessageQueue): number | undefined {
    return this.committed.get(`${group}|${mqKey(mq)}`)
  }

  /** Requests of one code (RequestCode.*), optionally of one client. */
  requestsOf(code: number, client?: string): Request[] {
    return this.requests.filter((r) => r.code === code && (client === undefined || r.client === client))
  }

  /** The sorted member list of a group. */
  memberIds(group: string): string[] {
    return [...(this.members.get(group)?.keys() ?? [])].sort()
  }

  join(group: string, clientId: string, reg: ConsumerRegistration): void {
    let m = this.members.get(group)
    if (!m) this.members.set(group, (m = new Map()))
    m.set(clientId, reg)
    this.notifyMembersChanged(group)
  }

  leave(clientId: string): void {
    for (const [group, m] of this.members) if (m.delete(clientId)) this.notifyMembersChanged(group)
  }

  /** NOTIFY_CONSUMER_IDS_CHANGED to every member of the group. */
  notifyMembersChanged(group: string): void {
    for (const reg of this.members.get(group)?.values() ?? []) reg.onConsumerIdsChanged()
  }

  /** An Invoker for one client (every request is logged with its client id). */
  invoker(client: string): Invoker {
    return {
      invoke: (address, code, ext = {}, body, opts) => this.handle({ client, address, code, ext, oneway: false }, body, opts?.signal),
      invokeOneway: async (address, code, ext = {}, body) => {
        await this.handle({ client, address, code, ext, oneway: true }, body)
      },
    }
  }

  private async handle(req: Request, body: Buffer | undefined, signal?: AbortSignal): Promise<RemotingCommand> {
    this.requests.push(req)
    const e = req.ext
    switch (req.code) {
      case RequestCode.PULL_MESSAGE:
        return this.pull(req, signal)
      case RequestCode.QUERY_CONSUMER_OFFSET: {
        const v = this.committed.get(`${e.consumerGroup}|${keyOf(e.topic!, e.bname!, e.queueId!)}`)
        return v === undefined ? reply(ResponseCode.QUERY_NOT_FOUND) : reply(ResponseCode.SUCCESS, { offset: String(v) })
      }
      case RequestCode.UPDATE_CONSUMER_OFFSET: {
        const key = `${e.consumerGroup}|${keyOf(e.topic!, e.bname!, e.queueId!)}`
        this.committed.set(key, Number(e.commitOffset))
        const mq = { topic: e.topic!, brokerName: e.bname!, queueId: Number(e.queueId) }
        this.script.afterCommit?.({ group: e.consumerGroup!, mq, offset: Number(e.commitOffset), committed: this.committed, key })
        return reply(ResponseCode.SUCCESS)
      }
      case RequestCode.GET_MAX_OFFSET:
        return reply(ResponseCode.SUCCESS, { offset: String(this.store.get(keyOf(e.topic!, e.bname!, e.queueId!))?.length ?? 0) })
      case RequestCode.GET_MIN_OFFSET:
      case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP:
        return reply(ResponseCode.SUCCESS, { offset: '0' })
      case RequestCode.CONSUMER_SEND_MSG_BACK: {
        const code = this.script.sendBackCode ?? ResponseCode.SUCCESS
        if (code === ResponseCode.SUCCESS) this.sentBack.push({ group: e.group!, originMsgId: e.originMsgId!, originTopic: e.originTopic!, delayLevel: Number(e.delayLevel) })
        return reply(code, {}, undefined, code === ResponseCode.SUCCESS ? undefined : 'scripted failure')
      }
      case RequestCode.SEND_MESSAGE_V2: {
        // A single (not batch) send is stored like append(); its properties come back on pulls.
        const mq = { topic: e.b!, brokerName: e.n!, queueId: Number(e.e) }
        const { TAGS, UNIQ_KEY, ...rest } = parseProperties(e.i ?? '')
        this.sent.push({ topic: mq.topic, properties: { ...rest, ...(TAGS ? { TAGS } : {}), ...(UNIQ_KEY ? { UNIQ_KEY } : {}) }, body: body ?? Buffer.alloc(0) })
        const [offset] = this.append(mq, { body: (body ?? Buffer.alloc(0)).toString('utf8'), tags: TAGS, properties: { ...rest, ...(UNIQ_KEY ? { UNIQ_KEY } : {}) } })
        return reply(ResponseCode.SUCCESS, { msgId: `OFFSET-${mqKey(mq)}-${offset}`, queueId: String(mq.queueId), queueOffset: String(offset) })
      }
      case RequestCode.HEART_BEAT:
      case RequestCode.UNREGISTER_CLIENT:
        return reply(ResponseCode.SUCCESS)
      case RequestCode.SET_MESSAGE_REQUEST_MODE:
        this.requestModes.push(JSON.parse(body?.toString('utf8') ?? '{}') as FakeBroker['requestModes'][number])
        return reply(ResponseCode.SUCCESS)
      case RequestCode.QUERY_ASSIGNMENT: {
        const b = JSON.parse(body?.toString('utf8') ?? '{}') as { topic: string }
        const brokers = [...new Set((this.topics.get(b.topic) ?? []).map((q) => q.brokerName))]
        const assignments = brokers.map((brokerName) => ({ messageQueue: { topic: b.topic, brokerName, queueId: -1 }, mode: 'POP' }))
        return reply(ResponseCode.SUCCESS, {}, Buffer.from(JSON.stringify({ messageQueueAssignments: assignments })))
      }
      case RequestCode.POP_MESSAGE:
        return this.pop(req, signal)
      case RequestCode.ACK_MESSAGE: {
        const st = this.popState.get(`${e.consumerGroup}|${keyOf(e.topic!, e.bname!, e.queueId!)}@${e.offset}`)
        if (!st || st.acked || st.popTime !== Number(e.extraInfo!.split(' ')[1])) return reply(ResponseCode.NO_MESSAGE)
        st.acked = true
        return reply(ResponseCode.SUCCESS)
      }
      case RequestCode.BATCH_ACK_MESSAGE: {
        const b = JSON.parse(body?.toString('utf8') ?? '{}') as { brokerName: string; acks: Array<{ c: string; t: string; q: number; so: number; pt: number; b: string }> }
        for (const a of b.acks) {
          const bits = Buffer.from(a.b, 'base64')
          for (let i = 0; i < bits.length * 8; i++) {
            if (!(bits[i >> 3]! & (1 << (i & 7)))) continue
            const st = this.popState.get(`${a.c}|${keyOf(a.t, b.brokerName, a.q)}@${a.so + i}`)
            if (st && st.popTime === a.pt) st.acked = true
          }
        }
        return reply(ResponseCode.SUCCESS)
      }
      case RequestCode.CHANGE_MESSAGE_INVISIBLETIME: {
        const st = this.popState.get(`${e.consumerGroup}|${keyOf(e.topic!, e.bname!, e.queueId!)}@${e.offset}`)
        if (!st || st.acked || st.popTime !== Number(e.extraInfo!.split(' ')[1])) return reply(ResponseCode.NO_MESSAGE)
        st.popTime = Date.now() * 1000 + ++this.popSeq
        st.invisibleUntil = Date.now() + Number(e.invisibleTime)
        return reply(ResponseCode.SUCCESS, { popTime: String(st.popTime), invisibleTime: e.invisibleTime!, reviveQid: '1' })
      }
      case RequestCode.LOCK_BATCH_MQ:
      case RequestCode.UNLOCK_BATCH_MQ: {
        const b = JSON.parse(body?.toString('utf8') ?? '{}') as { consumerGroup: string; clientId: string; mqSet: MessageQueue[] }
        const granted: MessageQueue[] = []
        for (const mq of b.mqSet) {
          const k = `${b.consumerGroup}|${mqKey(mq)}`
          const owner = this.locks.get(k)
          if (req.code === RequestCode.UNLOCK_BATCH_MQ) {
            if (owner === b.clientId) this.locks.delete(k)
          } else if (owner === undefined || owner === b.clientId) {
            this.locks.set(k, b.clientId)
            granted.push(mq)
          }
        }
        return req.code === RequestCode.LOCK_BATCH_MQ ? reply(ResponseCode.SUCCESS, {}, Buffer.from(JSON.stringify({ lockOKMQSet: granted }))) : reply(ResponseCode.SUCCESS)
      }
      default:
        return reply(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, {}, undefined, `fake broker: code ${req.code}`)
    }
  }

  private async pull(req: Request, signal?: AbortSignal): Promise<RemotingCommand> {
    const e = req.ext
    const mq = { topic: e.topic!, brokerName: e.bname!, queueId: Number(e.queueId) }
    const offset = Number(e.queueOffset)
    const sysFlag = Number(e.sysFlag)
    if (sysFlag & 0x1 && Number(e.commitOffset) > 0) this.committed.set(`${e.consumerGroup}|${mqKey(mq)}`, Number(e.commitOffset))
    const scripted = await this.script.pull?.({ mq, offset, request: req })
    if (scripted) return scripted
    const k = mqKey(mq)
    const list = () => this.store.get(k) ?? []
    if (offset > list().length) return reply(ResponseCode.PULL_OFFSET_MOVED, this.offsets(list().length, list().length))
    if (offset === list().length) {
      await new Promise<void>((resolve, reject) => {
        let set = this.parked.get(k)
        if (!set) this.parked.set(k, (set = new Set()))
        const entry: ParkedPull = { wake: () => finish() }
        const timer = setTimeout(() => finish(), Number(e.suspendTimeoutMillis))
        const onAbort = () => finish(new RocketMQError('ERR_ABORTED', 'pull aborted'))
        const finish = (err?: RocketMQError) => {
          clearTimeout(timer)
          set.delete(entry)
          signal?.removeEventListener('abort', onAbort)
          if (err) reject(err)
          else resolve()
        }
        set.add(entry)
        if (signal?.aborted) return onAbort()
        signal?.addEventListener('abort', onAbort, { once: true })
      })
      if (offset === list().length) return reply(ResponseCode.PULL_NOT_FOUND, this.offsets(offset, offset))
    }
    const end = Math.min(list().length, offset + Number(e.maxMsgNums))
    const records: Buffer[] = []
    for (let o = offset; o < end; o++) {
      const s = list()[o]!
      if (this.corrupted.has(`${k}@${o}`)) {
        records.push(Buffer.from([0, 0, 0, 40, 1, 2, 3, 4, ...new Array<number>(32).fill(7)]))
        continue
      }
      records.push(
        encodeStoreMessage({
          topic: s.topic,
          body: s.body,
          queueId: mq.queueId,
          queueOffset: o,
          commitLogOffset: 1000 + o,
          reconsumeTimes: s.reconsumeTimes,
          properties: { ...(s.tags ? { TAGS: s.tags } : {}), UNIQ_KEY: `MSG-${mqKey(mq)}-${o}`, ...s.properties },
        }),
      )
    }
    return reply(ResponseCode.SUCCESS, this.offsets(end, list().length), Buffer.concat(records))
  }

  /**
   * POP_MESSAGE: visible, un-acked messages of the queue (queueId -1: every queue of that broker), each hidden for
   * invisibleTime; a message whose invisibility ended without an ack comes back with reconsumeTimes + 1 (the real
   * broker moves it through its retry topic). Parks up to pollTime when there is nothing.
   */
  private async pop(req: Request, signal?: AbortSignal): Promise<RemotingCommand> {
    const e = req.ext
    const group = e.consumerGroup!
    const queues = (this.topics.get(e.topic!) ?? []).filter((q) => q.brokerName === e.bname && (e.queueId === '-1' || q.queueId === Number(e.queueId)))
    const take = () => {
      const now = Date.now()
      const popTime = now * 1000 + ++this.popSeq
      const found: Array<{ mq: MessageQueue; offset: number; deliveries: number }> = []
      for (const mq of queues) {
        const list = this.store.get(mqKey(mq)) ?? []
        for (let o = 0; o < list.length && found.length < Number(e.maxMsgNums); o++) {
          const key = `${group}|${mqKey(mq)}@${o}`
          const st = this.popState.get(key)
          if (st && (st.acked || st.invisibleUntil > now)) continue
          const next = { invisibleUntil: now + Number(e.invisibleTime), acked: false, deliveries: (st?.deliveries ?? 0) + 1, popTime }
          this.popState.set(key, next)
          found.push({ mq, offset: o, deliveries: next.deliveries })
        }
      }
      return { found, popTime }
    }
    let { found, popTime } = take()
    if (found.length === 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(Number(e.pollTime), 200))
        function done() {
          clearTimeout(timer)
          signal?.removeEventListener('abort', done)
          resolve()
        }
        signal?.addEventListener('abort', done, { once: true })
      })
      if (signal?.aborted) throw new RocketMQError('ERR_ABORTED', 'pop aborted')
      ;({ found, popTime } = take())
      if (found.length === 0) return reply(ResponseCode.POLLING_TIMEOUT, { restNum: '0' })
    }
    const starts = new Map<number, number>()
    for (const f of found) if (!starts.has(f.mq.queueId)) starts.set(f.mq.queueId, f.offset)
    const records = found.map((f) => {
      const s = this.store.get(mqKey(f.mq))![f.offset]!
      return encodeStoreMessage({
        topic: s.topic,
        body: s.body,
        queueId: f.mq.queueId,
        queueOffset: f.offset,
        commitLogOffset: 1000 + f.offset,
        reconsumeTimes: s.reconsumeTimes + f.deliveries - 1,
        properties: { ...(s.tags ? { TAGS: s.tags } : {}), UNIQ_KEY: `MSG-${mqKey(f.mq)}-${f.offset}`, ...s.properties },
      })
    })
    return reply(
      ResponseCode.SUCCESS,
      {
        popTime: String(popTime),
        invisibleTime: e.invisibleTime!,
        reviveQid: '1',
        restNum: '0',
        startOffsetInfo: [...starts].map(([q, o]) => `0 ${q} ${o}`).join(';'),
        msgOffsetInfo: '',
      },
      Buffer.concat(records),
    )
  }

  /** POP: how many times the group got the message at `offset` of `mq`, and whether it is acked. */
  popStatus(group: string, mq: MessageQueue, offset: number): { deliveries: number; acked: boolean } | undefined {
    const st = this.popState.get(`${group}|${mqKey(mq)}@${offset}`)
    return st && { deliveries: st.deliveries, acked: st.acked }
  }

  private offsets(next: number, max: number): Record<string, string> {
    return { nextBeginOffset: String(next), minOffset: '0', maxOffset: String(max), suggestWhichBrokerId: '0' }
  }

  /** A ClusterFactory for `new PushConsumer(opts, { cluster })`: each call is one client with this id. */
  factory(clientId: string): ClusterFactory {
    return () => {
      const c = new FakeCluster(this, clientId)
      this.clusters.push(c)
      return c
    }
  }

  private readonly clusters: FakeCluster[] = []

  /** A periodic heartbeat of this client refused for good (as ClientInstance reports an ACL refusal after start). */
  refuse(clientId: string, err: RocketMQError): void {
    for (const c of this.clusters) if (c.clientId === clientId && !c.isClosed) c.refused(err)
  }
}

/** ClusterPort on a FakeBroker: routes from the broker's topics, addresses `<brokerName>:<brokerId>`. */
export class FakeCluster implements ClusterPort {
  readonly remoting: Invoker
  readonly logger: Logger = silentLogger
  isClosed = false
  private readonly timers: NodeJS.Timeout[] = []
  private readonly groups: string[] = []
  private readonly refusedListeners: Array<(err: RocketMQError) => void> = []
  started = false

  constructor(
    readonly broker: FakeBroker,
    readonly clientId: string,
  ) {
    this.remoting = broker.invoker(clientId)
  }

  start(): void {
    this.started = true
  }

  every(intervalMs: number, task: () => unknown): NodeJS.Timeout {
    const t = setInterval(() => void Promise.resolve().then(task).catch(() => undefined), intervalMs)
    t.unref()
    this.timers.push(t)
    return t
  }

  registerConsumer(reg: ConsumerRegistration): void {
    this.groups.push(reg.group)
    this.broker.join(reg.group, this.clientId, reg)
  }

  registerProducer(): void {}

  async getRoute(topic: string): Promise<TopicRouteData | undefined> {
    const qs = this.broker.queuesOf(topic)
    if (!qs) return undefined
    if (!this.broker.fullRoutes) return { queueDatas: [], brokerDatas: [], filterServerTable: {} }
    const brokers = [...new Set(qs.map((q) => q.brokerName))]
    return {
      queueDatas: brokers.map((brokerName) => ({ brokerName, readQueueNums: qs.filter((q) => q.brokerName === brokerName).length, writeQueueNums: 0, perm: 6, topicSysFlag: 0 })),
      brokerDatas: brokers.map((brokerName) => ({ cluster: 'c', brokerName, brokerAddrs: new Map([[0, `${brokerName}:0`]]) })),
      filterServerTable: {},
    } as TopicRouteData
  }

  async subscribeQueues(topic: string): Promise<MessageQueue[]> {
    const qs = this.broker.queuesOf(topic)
    if (!qs) throw new RocketMQError('ERR_TOPIC_NOT_FOUND', `Topic '${topic}' does not exist`, { context: { topic } })
    return [...qs]
  }

  async publishQueues(topic: string): Promise<MessageQueue[]> {
    return [...(this.broker.queuesOf(topic) ?? [])]
  }

  refreshRoutesSoon(): void {}

  async findMasterAddressOrRefresh(brokerName: string): Promise<string> {
    return `${brokerName}:0`
  }

  async findQueryAddress(brokerName: string): Promise<string> {
    return `${brokerName}:0`
  }

  findBrokerAddressInSubscribe(brokerName: string, brokerId: number): BrokerAddress | undefined {
    return { address: `${brokerName}:${brokerId}`, brokerId }
  }

  async consumerIdList(group: string): Promise<string[]> {
    return this.broker.memberIds(group)
  }

  async sendHeartbeatToAllBrokers(): Promise<void> {}

  onRefused(listener: (err: RocketMQError) => void): void {
    this.refusedListeners.push(listener)
  }

  refused(err: RocketMQError): void {
    for (const l of this.refusedListeners) l(err)
  }

  async close(): Promise<void> {
    if (this.isClosed) return
    this.isClosed = true
    for (const t of this.timers) clearInterval(t)
    this.broker.leave(this.clientId)
  }
}
