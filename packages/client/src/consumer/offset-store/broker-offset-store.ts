import type { Logger } from '../../logger.js'
import type { ClusterPort } from '../../cluster/port.js'
import { queryConsumerOffset, updateConsumerOffset } from '../../cluster/broker-api.js'
import { mqKey, type MessageQueue } from '../../protocol/route.js'
import { OffsetTable, type OffsetStore, type PersistOptions } from './offset-store.js'

const seedKey = (mq: MessageQueue): string => `${mq.brokerName}@${mq.topic}`

/** Clustering: offsets are committed to the master of the queue's broker (Java RemoteBrokerOffsetStore). */
export class BrokerOffsetStore extends OffsetTable implements OffsetStore {
  /** `brokerName@topic` pairs with a commit the broker answered (it holds the group's map for the topic). */
  private readonly seeded = new Set<string>()

  constructor(
    private readonly client: ClusterPort,
    private readonly group: string,
    private readonly logger: Logger,
  ) {
    super()
  }

  async load(): Promise<void> {}

  private address(mq: MessageQueue): Promise<string> {
    return this.client.findQueryAddress(mq.brokerName, mq.topic)
  }

  async fetch(mq: MessageQueue): Promise<number> {
    return queryConsumerOffset(this.client.remoting, await this.address(mq), this.group, mq)
  }

  async readStore(mq: MessageQueue): Promise<number> {
    const offset = await this.fetch(mq)
    if (offset >= 0) {
      this.update(mq, offset, false)
      this.markPersisted(mq, offset)
    }
    return offset
  }

  async persist(mq: MessageQueue, opts: PersistOptions = {}): Promise<boolean> {
    const e = this.table.get(mqKey(mq))
    if (!e || e.offset < 0) return false
    // The master; while it is down (after one route refresh), any replica of that broker name, as Java does.
    const address = await this.client.findQueryAddress(mq.brokerName, mq.topic).catch(() => undefined)
    if (!address) return false
    const offset = e.offset
    await updateConsumerOffset(this.client.remoting, address, this.group, mq, offset, { oneway: opts.oneway })
    e.persisted = offset
    if (!opts.oneway) this.seeded.add(seedKey(mq))
    if (opts.verify && !opts.oneway) await this.verify(address, mq, offset)
    return true
  }

  /**
   * The broker runs pulls (which carry a commit offset, PullSysFlag.COMMIT_OFFSET) and offset updates on separate thread
   * pools, so an earlier pull's or periodic commit's lower offset can be applied after our last commit on a loaded
   * broker: the next owner would then re-read messages already handled. Read the offset back and write it once more.
   */
  private async verify(address: string, mq: MessageQueue, offset: number): Promise<void> {
    const stored = await queryConsumerOffset(this.client.remoting, address, this.group, mq).catch(() => offset)
    if (stored >= offset) return
    this.logger.debug({ topic: mq.topic, broker: mq.brokerName, queueId: mq.queueId, stored, offset }, 'an older commit landed after ours; committing again')
    await updateConsumerOffset(this.client.remoting, address, this.group, mq, offset)
  }

  async persistAll(mqs: readonly MessageQueue[], opts: PersistOptions = {}): Promise<Array<{ queue: MessageQueue; offset: number }>> {
    const done: Array<{ queue: MessageQueue; offset: number }> = []
    const due = (mq: MessageQueue): boolean => {
      const e = this.table.get(mqKey(mq))
      return e !== undefined && e.offset >= 0 && !(opts.oneway && e.offset === e.persisted)
    }
    const one = async (mq: MessageQueue, sendOpts: PersistOptions): Promise<void> => {
      const e = this.table.get(mqKey(mq))
      try {
        if (e && (await this.persist(mq, sendOpts))) done.push({ queue: mq, offset: e.persisted }) // what persist() sent
      } catch (err) {
        this.logger.warn({ topic: mq.topic, broker: mq.brokerName, queueId: mq.queueId, err }, 'offset commit failed')
      }
    }
    // The broker creates a group's offset map for a topic on the first commit without a lock (ConsumerOffsetManager
    // .commitOffset: get, then put a new map), so two first commits of one topic that its threads run at once keep only
    // one queue's offset (seen: commit() said 12, the broker then had none). The first commit per broker and topic
    // waits for its answer (two-way even for the periodic oneway commit) before the others go.
    const byBrokerTopic = new Map<string, MessageQueue[]>()
    for (const mq of mqs) {
      if (!due(mq)) continue
      const k = seedKey(mq)
      const list = byBrokerTopic.get(k)
      if (list) list.push(mq)
      else byBrokerTopic.set(k, [mq])
    }
    await Promise.all(
      [...byBrokerTopic].map(async ([k, list]) => {
        let rest = list
        if (!this.seeded.has(k)) {
          const [first, ...others] = list as [MessageQueue, ...MessageQueue[]]
          await one(first, { ...opts, oneway: false }) // seeds the pair when it succeeds
          rest = others
        }
        await Promise.all(rest.map((mq) => one(mq, opts)))
      }),
    )
    return done
  }
}
