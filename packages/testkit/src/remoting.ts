/**
 * A deliberately tiny RocketMQ remoting client for administration (JSON headers, one socket per call).
 * It is independent of `@rocketmq-ts/client` on purpose: the testkit is the oracle the client is tested against.
 * Starting an `mqadmin` JVM costs 4-6 s on a 2-core machine; one of these calls costs milliseconds.
 */
import { createHmac } from 'node:crypto'
import { connect } from 'node:net'
import { connect as tlsConnect, type ConnectionOptions as TlsConnectionOptions } from 'node:tls'
import { TestkitError } from './errors.js'

/**
 * How the kit's own admin calls reach a secured cluster: sign with an (admin) user, and speak TLS.
 * The signing is written here independently of the client package (the kit is the oracle the client is tested against).
 */
export interface AdminSecurity {
  /** Sign every request (ACL) with this user. */
  credentials?: {
    /** The user name (ACL 2.0) or access key (ACL 1.0). */
    accessKey: string
    /** The password or secret key; it keys the signature, it is never sent. */
    secretKey: string
  }
  /** Connect with TLS, with these node:tls options. */
  tls?: TlsConnectionOptions
}

/** AclClientRPCHook: HmacSHA1 over the extField values sorted by key, then the body; base64. */
export function aclSign(ext: Record<string, string>, body: Buffer | undefined, c: { accessKey: string; secretKey: string }): Record<string, string> {
  const out: Record<string, string> = { ...ext, AccessKey: c.accessKey }
  const keys = Object.keys(out).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const mac = createHmac('sha1', c.secretKey)
  mac.update(keys.map((k) => out[k]).join(''), 'utf8')
  if (body !== undefined && body.length > 0) mac.update(body)
  out['Signature'] = mac.digest('base64')
  return out
}

export const RequestCode = {
  UPDATE_AND_CREATE_TOPIC: 17,
  GET_ALL_TOPIC_CONFIG: 21,
  UPDATE_BROKER_CONFIG: 25,
  GET_BROKER_CONFIG: 26,
  GET_BROKER_RUNTIME_INFO: 28,
  GET_ROUTEINFO_BY_TOPIC: 105,
  GET_BROKER_CLUSTER_INFO: 106,
  AUTH_CREATE_USER: 3001,
  AUTH_UPDATE_USER: 3002,
  AUTH_GET_USER: 3004,
  AUTH_CREATE_ACL: 3006,
  AUTH_UPDATE_ACL: 3007,
  AUTH_GET_ACL: 3009,
  DELETE_TOPIC_IN_BROKER: 215,
  DELETE_TOPIC_IN_NAMESRV: 216,
} as const

export const ResponseCode = { SUCCESS: 0, TOPIC_NOT_EXIST: 17 } as const

/** A server's answer to `remotingCall()`. */
export interface RemotingReply {
  /** The response code (0 = success). */
  code: number
  /** The server's remark (its error text). */
  remark?: string
  /** The response header's fields. */
  extFields?: Record<string, string>
  /** The response body (empty when there is none). */
  body: Buffer
}

let nextOpaque = 1

function splitAddr(addr: string): { host: string; port: number } {
  const i = addr.lastIndexOf(':')
  const port = Number(addr.slice(i + 1))
  if (i <= 0 || !Number.isInteger(port)) throw new TestkitError('ERR_TESTKIT_ARGUMENT', `bad address "${addr}" (want host:port)`)
  return { host: addr.slice(0, i), port }
}

/** One request/response over a fresh connection. Rejects with ERR_TESTKIT_REMOTING on socket errors or timeout. */
export function remotingCall(
  addr: string,
  code: number,
  extFields?: Record<string, string>,
  body?: Buffer,
  timeoutMs = 5000,
  sec: AdminSecurity = {},
): Promise<RemotingReply> {
  const { host, port } = splitAddr(addr)
  const opaque = nextOpaque++
  const fields = sec.credentials === undefined ? (extFields ?? {}) : aclSign(extFields ?? {}, body, sec.credentials)
  const header = Buffer.from(
    JSON.stringify({ code, language: 'JAVA', version: 479, opaque, flag: 0, extFields: fields, serializeTypeCurrentRPC: 'JSON' }),
    'utf8',
  )
  const bodyLen = body?.length ?? 0
  const frame = Buffer.allocUnsafe(8 + header.length)
  frame.writeInt32BE(4 + header.length + bodyLen, 0)
  frame.writeInt32BE(header.length & 0xffffff, 4)
  header.copy(frame, 8)

  return new Promise<RemotingReply>((resolve, reject) => {
    let acc: Buffer = Buffer.alloc(0)
    let settled = false
    const socket = sec.tls === undefined ? connect({ host, port }) : tlsConnect({ host, port, ...sec.tls })
    const finish = (err: Error | null, reply?: RemotingReply): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      if (err !== null) reject(err)
      else resolve(reply as RemotingReply)
    }
    const timer = setTimeout(() => {
      finish(new TestkitError('ERR_TESTKIT_REMOTING', `request code ${code} to ${addr} timed out after ${timeoutMs} ms`, { context: { addr, code } }))
    }, timeoutMs)
    socket.on(sec.tls === undefined ? 'connect' : 'secureConnect', () => {
      socket.write(frame)
      if (body !== undefined && body.length > 0) socket.write(body)
    })
    socket.on('error', (e) => {
      finish(new TestkitError('ERR_TESTKIT_REMOTING', `request code ${code} to ${addr} failed: ${e.message}`, { cause: e, context: { addr, code } }))
    })
    socket.on('close', () => {
      finish(new TestkitError('ERR_TESTKIT_REMOTING', `connection to ${addr} closed before the reply to code ${code}`, { context: { addr, code } }))
    })
    socket.on('data', (chunk: Buffer) => {
      try {
        acc = acc.length === 0 ? chunk : Buffer.concat([acc, chunk])
        while (acc.length >= 4 && acc.length >= 4 + acc.readInt32BE(0)) {
          const total = acc.readInt32BE(0)
          const headerWord = acc.readInt32BE(4)
          const headerLen = headerWord & 0xffffff
          if (headerWord >>> 24 !== 0) throw new TestkitError('ERR_TESTKIT_REMOTING', `unexpected non-JSON reply from ${addr}`)
          const h = JSON.parse(acc.toString('utf8', 8, 8 + headerLen)) as {
            code: number
            opaque: number
            flag: number
            remark?: string
            extFields?: Record<string, string>
          }
          const replyBody = acc.subarray(8 + headerLen, 4 + total)
          acc = acc.subarray(4 + total)
          if ((h.flag & 1) === 1 && h.opaque === opaque) {
            const reply: RemotingReply = { code: h.code, body: replyBody }
            if (h.remark !== undefined) reply.remark = h.remark
            if (h.extFields !== undefined) reply.extFields = h.extFields
            finish(null, reply)
            return
          }
        }
      } catch (e) {
        finish(e instanceof Error ? e : new Error(String(e)))
      }
    })
  })
}

/** fastjson may write integer map keys unquoted (`{0:"127.0.0.1:10911"}`); quote them before JSON.parse. */
export function parseLenientJson<T>(text: string): T {
  try {
    return JSON.parse(text) as T
  } catch {
    return JSON.parse(text.replace(/([{,]\s*)(-?\d+)\s*:/g, '$1"$2":')) as T
  }
}

/** A broker group in a NameServer answer. */
export interface BrokerData {
  /** The cluster it belongs to. */
  cluster: string
  /** The broker name, e.g. `broker-a`. */
  brokerName: string
  /** brokerId ("0" master, "1" slave) -> "host:port" */
  brokerAddrs: Record<string, string>
}
/** A topic's queues on one broker group, in a NameServer route. */
export interface QueueData {
  /** The broker name. */
  brokerName: string
  /** Queues consumers read. */
  readQueueNums: number
  /** Queues producers write. */
  writeQueueNums: number
  /** 6 = read+write, 4 = read only, 2 = write only. */
  perm: number
  /** The topic's system flags (Java TopicSysFlag). */
  topicSysFlag?: number
}
/** A topic's route, as the NameServer answers GET_ROUTEINFO_BY_TOPIC. */
export interface TopicRoute {
  /** The broker groups serving the topic, with their addresses. */
  brokerDatas: BrokerData[]
  /** The topic's queues on each broker group. */
  queueDatas: QueueData[]
}
/** The NameServer's view of the brokers (GET_BROKER_CLUSTER_INFO). */
export interface ClusterInfo {
  /** Every registered broker group by name. */
  brokerAddrTable: Record<string, BrokerData>
  /** Cluster name -> its broker names. */
  clusterAddrTable: Record<string, string[]>
}

function expectSuccess(reply: RemotingReply, what: string, addr: string): void {
  if (reply.code !== ResponseCode.SUCCESS) {
    throw new TestkitError('ERR_TESTKIT_REMOTING', `${what} at ${addr} failed: code ${reply.code} ${reply.remark ?? ''}`.trim(), {
      context: { addr, code: reply.code, remark: reply.remark },
    })
  }
}

/** The NameServer's route of a topic, or null if the topic is unknown (TOPIC_NOT_EXIST). */
export async function getTopicRoute(nameServer: string, topic: string, timeoutMs = 5000, sec: AdminSecurity = {}): Promise<TopicRoute | null> {
  const reply = await remotingCall(nameServer, RequestCode.GET_ROUTEINFO_BY_TOPIC, { topic, acceptStandardJsonOnly: 'true' }, undefined, timeoutMs, sec)
  if (reply.code === ResponseCode.TOPIC_NOT_EXIST) return null
  expectSuccess(reply, `route of ${topic}`, nameServer)
  return parseLenientJson<TopicRoute>(reply.body.toString('utf8'))
}

/** The NameServer's view of the brokers (GET_BROKER_CLUSTER_INFO). */
export async function getClusterInfo(nameServer: string, timeoutMs = 5000, sec: AdminSecurity = {}): Promise<ClusterInfo> {
  const reply = await remotingCall(nameServer, RequestCode.GET_BROKER_CLUSTER_INFO, {}, undefined, timeoutMs, sec)
  expectSuccess(reply, 'cluster info', nameServer)
  return parseLenientJson<ClusterInfo>(reply.body.toString('utf8'))
}

/** A topic to create on one broker (`createTopicOnBroker`). */
export interface TopicSpec {
  /** The topic. */
  topic: string
  /** Queues consumers read. */
  readQueueNums: number
  /** Queues producers write. */
  writeQueueNums: number
  /** 6 = read+write (default), 4 = read only, 2 = write only. */
  perm?: number
  /** An ordered topic. Default false. */
  order?: boolean
  /** e.g. { 'message.type': 'FIFO' } -> "+message.type=FIFO" */
  attributes?: Record<string, string>
}

/** UPDATE_AND_CREATE_TOPIC on one broker (master or slave). */
export async function createTopicOnBroker(brokerAddr: string, spec: TopicSpec, timeoutMs = 5000, sec: AdminSecurity = {}): Promise<void> {
  const ext: Record<string, string> = {
    topic: spec.topic,
    defaultTopic: 'TBW102',
    readQueueNums: String(spec.readQueueNums),
    writeQueueNums: String(spec.writeQueueNums),
    perm: String(spec.perm ?? 6),
    topicFilterType: 'SINGLE_TAG',
    topicSysFlag: '0',
    order: String(spec.order ?? false),
  }
  if (spec.attributes !== undefined && Object.keys(spec.attributes).length > 0) {
    ext['attributes'] = Object.entries(spec.attributes).map(([k, v]) => `+${k}=${v}`).join(',')
  }
  expectSuccess(await remotingCall(brokerAddr, RequestCode.UPDATE_AND_CREATE_TOPIC, ext, undefined, timeoutMs, sec), `create topic ${spec.topic}`, brokerAddr)
}

export async function deleteTopicInBroker(brokerAddr: string, topic: string, timeoutMs = 5000, sec: AdminSecurity = {}): Promise<void> {
  expectSuccess(await remotingCall(brokerAddr, RequestCode.DELETE_TOPIC_IN_BROKER, { topic }, undefined, timeoutMs, sec), `delete topic ${topic}`, brokerAddr)
}

export async function deleteTopicInNameServer(nameServer: string, topic: string, timeoutMs = 5000, sec: AdminSecurity = {}): Promise<void> {
  expectSuccess(await remotingCall(nameServer, RequestCode.DELETE_TOPIC_IN_NAMESRV, { topic }, undefined, timeoutMs, sec), `delete topic ${topic}`, nameServer)
}

/** UPDATE_BROKER_CONFIG: applied at runtime and persisted by the broker into its `-c` file. */
export async function updateBrokerConfigAt(brokerAddr: string, props: Record<string, string | number | boolean>, timeoutMs = 5000, sec: AdminSecurity = {}): Promise<void> {
  const body = Buffer.from(Object.entries(props).map(([k, v]) => `${k}=${String(v)}`).join('\n') + '\n', 'utf8')
  expectSuccess(await remotingCall(brokerAddr, RequestCode.UPDATE_BROKER_CONFIG, {}, body, timeoutMs, sec), 'update broker config', brokerAddr)
}

/** GET_BROKER_CONFIG: the broker's full runtime configuration as key/value pairs. */
export async function getBrokerConfigAt(brokerAddr: string, timeoutMs = 5000, sec: AdminSecurity = {}): Promise<Record<string, string>> {
  const reply = await remotingCall(brokerAddr, RequestCode.GET_BROKER_CONFIG, {}, undefined, timeoutMs, sec)
  expectSuccess(reply, 'get broker config', brokerAddr)
  const out: Record<string, string> = {}
  for (const line of reply.body.toString('utf8').split('\n')) {
    const i = line.indexOf('=')
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim()
  }
  return out
}

/** GET_BROKER_RUNTIME_INFO: the version a broker reports about itself, e.g. 'V4_9_7' or 'V5_5_0'. */
export async function getBrokerVersionAt(brokerAddr: string, timeoutMs = 5000, sec: AdminSecurity = {}): Promise<string> {
  const reply = await remotingCall(brokerAddr, RequestCode.GET_BROKER_RUNTIME_INFO, {}, undefined, timeoutMs, sec)
  expectSuccess(reply, 'get broker runtime info', brokerAddr)
  const info = parseLenientJson<{ table?: Record<string, string> }>(reply.body.toString('utf8'))
  const v = info.table?.['brokerVersionDesc']
  if (v === undefined) throw new TestkitError('ERR_TESTKIT_REMOTING', `broker ${brokerAddr} reported no brokerVersionDesc`)
  return v
}

/** A topic as a broker stores it (GET_ALL_TOPIC_CONFIG). */
export interface BrokerTopicConfig {
  /** The topic. */
  topicName: string
  /** Queues consumers read. */
  readQueueNums: number
  /** Queues producers write. */
  writeQueueNums: number
  /** 6 = read+write, 4 = read only, 2 = write only. */
  perm: number
  /** An ordered topic. */
  order?: boolean
  /** The topic's attributes, e.g. `{ 'message.type': 'FIFO' }`. */
  attributes?: Record<string, string>
}

/** GET_ALL_TOPIC_CONFIG: the topics a broker (master or slave) knows, by name. */
export async function getTopicConfigsAt(brokerAddr: string, timeoutMs = 5000, sec: AdminSecurity = {}): Promise<Record<string, BrokerTopicConfig>> {
  const reply = await remotingCall(brokerAddr, RequestCode.GET_ALL_TOPIC_CONFIG, {}, undefined, timeoutMs, sec)
  expectSuccess(reply, 'get all topic config', brokerAddr)
  return parseLenientJson<{ topicConfigTable: Record<string, BrokerTopicConfig> }>(reply.body.toString('utf8')).topicConfigTable
}

/** An ACL 2.0 user (`userType` Super skips every permission check). */
export interface AuthUser {
  /** The user name. */
  username: string
  /** The password. */
  password: string
  /** Default false: a Normal user, allowed only what its `acls` grant. */
  superUser?: boolean
  /** Policy entries, e.g. { resource: 'Topic:Orders', actions: ['Pub', 'Sub'] } ('Group:G', 'Topic:pre*', '*'). */
  acls?: AuthAclEntry[]
}

/** One ACL 2.0 policy entry of a user. */
export interface AuthAclEntry {
  /** 'Topic:<name>', 'Group:<name>', 'Topic:prefix*', 'Topic:*', '*' */
  resource: string
  /** 'Pub', 'Sub', 'Get', 'Update', 'Create', 'Delete', 'List', 'All', 'Any' */
  actions: string[]
  /** Default 'Allow'. */
  decision?: 'Allow' | 'Deny'
  /** Only from these IPs or CIDR ranges. Default any. */
  sourceIps?: string[]
}

/** AUTH_CREATE_USER (AUTH_UPDATE_USER when it exists) on one broker: ACL 2.0 users are per broker. */
export async function createUserAt(brokerAddr: string, user: AuthUser, timeoutMs = 5000, sec: AdminSecurity = {}): Promise<void> {
  const body = Buffer.from(
    JSON.stringify({ username: user.username, password: user.password, userType: user.superUser === true ? 'Super' : 'Normal', userStatus: 'enable' }),
    'utf8',
  )
  let reply = await remotingCall(brokerAddr, RequestCode.AUTH_CREATE_USER, { username: user.username }, body, timeoutMs, sec)
  if (reply.code !== ResponseCode.SUCCESS && /exist/i.test(reply.remark ?? '')) {
    reply = await remotingCall(brokerAddr, RequestCode.AUTH_UPDATE_USER, { username: user.username }, body, timeoutMs, sec)
  }
  expectSuccess(reply, `create user ${user.username}`, brokerAddr)
}

/** AUTH_CREATE_ACL (AUTH_UPDATE_ACL when the subject has one) for `User:<username>` on one broker. */
export async function createAclAt(brokerAddr: string, username: string, entries: AuthAclEntry[], timeoutMs = 5000, sec: AdminSecurity = {}): Promise<void> {
  const subject = `User:${username}`
  const body = Buffer.from(
    JSON.stringify({
      subject,
      policies: [
        {
          policyType: 'Custom',
          entries: entries.map((e) => ({ resource: e.resource, actions: e.actions, decision: e.decision ?? 'Allow', ...(e.sourceIps === undefined ? {} : { sourceIps: e.sourceIps }) })),
        },
      ],
    }),
    'utf8',
  )
  let reply = await remotingCall(brokerAddr, RequestCode.AUTH_CREATE_ACL, { subject }, body, timeoutMs, sec)
  if (reply.code !== ResponseCode.SUCCESS && /exist/i.test(reply.remark ?? '')) {
    reply = await remotingCall(brokerAddr, RequestCode.AUTH_UPDATE_ACL, { subject }, body, timeoutMs, sec)
  }
  expectSuccess(reply, `create ACL of ${subject}`, brokerAddr)
}
