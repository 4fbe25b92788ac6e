/**
 * RocketMQ 4.x answers QUERY_CONSUMER_OFFSET for a group without an offset with offset 0 (not QUERY_NOT_FOUND) while
 * the queue's first message is still in memory: it ignores the `setZeroIfNotFound=false` header 5.x understands
 * (4.9.7 ConsumerManageProcessor: no stored offset, min offset 0 and message 0 not on disk, or an empty queue). The
 * Java 4.9 client takes that 0 as the group's offset (RemoteBrokerOffsetStore.readOffset, then computePullFromWhere
 * keeps any offset >= 0), so its new group with CONSUME_FROM_LAST_OFFSET reads a young queue from its start.
 * When a 4.x broker answers 0, the broker's offset table (GET_ALL_CONSUMER_OFFSET, `{"offsetTable":{"topic@group":
 * {queueId:offset}}}`) tells whether the 0 is stored. That table holds every group of the broker, so one request per
 * broker serves every queue of a rebalance pass (it starts all its queues at once) — but only queries sent before that
 * request: a table read before a query was sent can miss a commit made in between (a member that commits 0 and
 * reads it back, a member started right after another closed), so it never answers for a later query.
 */
import { malformedResponse } from '../errors.js'
import type { RemotingCommand } from '../remoting/command.js'
import { RequestCode, ResponseCode } from '../remoting/codes.js'
import { mapEntries, parseLenientJson } from '../protocol/fastjson.js'
import type { MessageQueue } from '../protocol/route.js'

type Invoke = (address: string, code: number, extFields?: Record<string, string>, body?: Buffer, opts?: { timeoutMs?: number }) => Promise<RemotingCommand>

/** Orders offset queries and table requests (see queryMark). */
let clock = 0

/**
 * Call before sending QUERY_CONSUMER_OFFSET; pass the mark to hasStoredOffset. A table request sent after the mark
 * reflects every commit acknowledged before the query was sent.
 */
export function queryMark(): number {
  return ++clock
}

/** address -> the broker's newest offset-table request: its mark (sent after queries marked lower) and its answer. */
const tables = new Map<string, { mark: number; table: Promise<Map<string, Set<number>>> }>()

async function fetchTable(invoke: Invoke, address: string, timeoutMs: number): Promise<Map<string, Set<number>>> {
  const res = await invoke(address, RequestCode.GET_ALL_CONSUMER_OFFSET, {}, undefined, { timeoutMs })
  const context = { address, requestCode: RequestCode.GET_ALL_CONSUMER_OFFSET, responseCode: res.code }
  if (res.code !== ResponseCode.SUCCESS) throw malformedResponse(`GET_ALL_CONSUMER_OFFSET answered ${res.code} (${res.remark ?? ''})`, context)
  let parsed: unknown
  try {
    parsed = parseLenientJson(res.body?.toString('utf8') ?? '{}')
  } catch (e) {
    throw malformedResponse(`GET_ALL_CONSUMER_OFFSET body is not JSON: ${e instanceof Error ? e.message : String(e)}`, context)
  }
  const out = new Map<string, Set<number>>()
  const offsetTable = parsed !== null && typeof parsed === 'object' ? (parsed as { offsetTable?: unknown }).offsetTable : undefined
  for (const [key, queues] of mapEntries(offsetTable)) {
    if (typeof key !== 'string') continue
    out.set(key, new Set(mapEntries(queues).map(([id]) => Number(id))))
  }
  return out
}

/**
 * Whether a 4.x broker stores an offset of `group` for `mq`, from its offset table as read after the query marked
 * `asked` was sent (a request already under way, or answered, since then is shared; an older one is not).
 */
export async function hasStoredOffset(invoke: Invoke, address: string, group: string, mq: MessageQueue, timeoutMs: number, asked: number): Promise<boolean> {
  let entry = tables.get(address)
  if (entry === undefined || entry.mark < asked) {
    entry = { mark: ++clock, table: fetchTable(invoke, address, timeoutMs) }
    tables.set(address, entry)
    const mine = entry
    mine.table.catch(() => {
      if (tables.get(address) === mine) tables.delete(address)
    })
  }
  return (await entry.table).get(`${mq.topic}@${group}`)?.has(mq.queueId) ?? false
}
