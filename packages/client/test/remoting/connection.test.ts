import { once } from 'node:events'
import net from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { RocketMQError } from '../../src/errors.js'
import { encodeCommand, encodeCommandBinary } from '../../src/remoting/codec.js'
import { MAX_FRAME_BYTES, createResponseCommand, type RemotingCommand } from '../../src/remoting/command.js'
import { RequestCode, ResponseCode } from '../../src/remoting/codes.js'
import { Connection, parseAddress, type RequestHandler } from '../../src/remoting/connection.js'
import { RemotingClient } from '../../src/remoting/remoting-client.js'
import { responseTo, startFakeServer, unusedPort, type FakeServer } from './helpers.js'

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason)
}
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled)
})
afterAll(() => {
  process.off('unhandledRejection', onUnhandled)
})

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  // let any stray rejection surface before checking
  await new Promise((r) => setImmediate(r))
  expect(unhandled).toEqual([])
})

async function server(onCommand?: Parameters<typeof startFakeServer>[0]): Promise<FakeServer> {
  const s = await startFakeServer(onCommand)
  cleanups.push(() => s.close())
  return s
}

function connection(address: string, onRequest?: RequestHandler): Connection {
  const conn = new Connection(onRequest ? { address, onRequest } : { address })
  cleanups.push(async () => {
    conn.close()
    await conn.waitClosed()
  })
  return conn
}

async function rejection(p: Promise<unknown>): Promise<RocketMQError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(RocketMQError)
    return e as RocketMQError
  }
  throw new Error('expected a rejection')
}

/** An echo server: answers every non-oneway request with SUCCESS, echoing its extFields and body. */
const echo = (cmd: RemotingCommand, peer: { send(c: RemotingCommand): void }): void => {
  if ((cmd.flag & 3) === 0) peer.send(responseTo(cmd, 0, { extFields: cmd.extFields ?? {}, ...(cmd.body ? { body: cmd.body } : {}) }))
}

describe('parseAddress', () => {
  it('parses host:port and [v6]:port and rejects junk', () => {
    expect(parseAddress('127.0.0.1:9876')).toEqual({ host: '127.0.0.1', port: 9876 })
    expect(parseAddress('[::1]:10911')).toEqual({ host: '::1', port: 10911 })
    expect(parseAddress('broker-a.local:10911')).toEqual({ host: 'broker-a.local', port: 10911 })
    for (const bad of ['nohost', ':9876', 'h:', 'h:0', 'h:70000', 'h:12a']) {
      expect(() => parseAddress(bad), bad).toThrow(RocketMQError)
    }
    expect(() => new Connection({ address: 'nope' })).toThrow(/host:port/)
  })
})

describe('Connection against a fake server', () => {
  it('sends the requests issued in one event-loop turn in one writev (fewer syscalls per pull), each answered', async () => {
    const s = await server(echo)
    const conn = connection(s.address)
    await conn.invoke(RequestCode.GET_ROUTEINFO_BY_TOPIC, { topic: 'warm-up' }) // connected
    const socket = (conn as unknown as { socket: net.Socket }).socket
    const proto = net.Socket.prototype as unknown as { _writev: (...a: unknown[]) => void; _write: (...a: unknown[]) => void }
    const writev = vi.spyOn(proto, '_writev')
    const write = vi.spyOn(proto, '_write')
    // the fake server's socket is in this process too: count our connection's socket only
    const ours = (m: { mock: { contexts: unknown[]; calls: unknown[][] } }): unknown[][] => m.mock.calls.filter((_, i) => m.mock.contexts[i] === socket)
    try {
      const answers = Promise.all([0, 1, 2, 3].map((i) => conn.invoke(RequestCode.GET_ROUTEINFO_BY_TOPIC, { topic: `T${i}` })))
      // nothing written yet: the socket is corked until this turn's nextTick queue runs
      expect(ours(writev).length + ours(write).length).toBe(0)
      const res = await answers
      expect(res.map((r) => r.extFields?.topic)).toEqual(['T0', 'T1', 'T2', 'T3'])
      expect(ours(write)).toHaveLength(0)
      expect(ours(writev)).toHaveLength(1)
      expect((ours(writev)[0]![0] as unknown[]).length).toBe(4)
    } finally {
      writev.mockRestore()
      write.mockRestore()
    }
  })

  it('sends a JSON request and resolves with the response, whatever its code', async () => {
    const s = await server((cmd, peer) => peer.send(responseTo(cmd, ResponseCode.TOPIC_NOT_EXIST, { remark: 'no route' })))
    const conn = connection(s.address)
    const res = await conn.invoke(RequestCode.GET_ROUTEINFO_BY_TOPIC, { topic: 'T1' })
    expect(res.code).toBe(17)
    expect(res.remark).toBe('no route')
    expect(res.flag).toBe(1)
    const req = s.peers[0]!.received[0]!
    expect(req).toMatchObject({ code: 105, language: 'JAVA', version: 401, flag: 0, extFields: { topic: 'T1' } })
    expect(res.opaque).toBe(req.opaque)
    expect(conn.isOpen).toBe(true)
    expect(conn.pendingCount).toBe(0)
  })

  it('matches out-of-order responses by opaque', async () => {
    const s = await server()
    const conn = connection(s.address)
    const calls = [0, 1, 2, 3].map((i) => conn.invoke(RequestCode.QUERY_CONSUMER_OFFSET, { i: String(i) }))
    const peer = await s.waitForPeer(1)
    const reqs = await peer.waitFor(4)
    expect(new Set(reqs.map((r) => r.opaque)).size).toBe(4)
    for (const r of [reqs[2]!, reqs[0]!, reqs[3]!, reqs[1]!]) {
      peer.send(responseTo(r, 0, { extFields: { echo: r.extFields!.i! } }))
    }
    const results = await Promise.all(calls)
    expect(results.map((r) => r.extFields!.echo)).toEqual(['0', '1', '2', '3'])
  })

  it('reads a response with a ROCKETMQ binary header', async () => {
    const s = await server((cmd, peer) => {
      peer.socket.write(encodeCommandBinary(responseTo(cmd, 0, { extFields: { offset: '42' }, body: Buffer.from('b') })))
    })
    const conn = connection(s.address)
    const res = await conn.invoke(RequestCode.QUERY_CONSUMER_OFFSET, { topic: 'T' })
    expect(res.extFields).toEqual({ offset: '42' })
    expect(res.body!.toString()).toBe('b')
  })

  it('writes large bodies intact (separate body write) and reads large responses split across chunks', async () => {
    const s = await server(echo)
    const conn = connection(s.address)
    const body = Buffer.alloc(3 * 1024 * 1024)
    for (let i = 0; i < body.length; i++) body[i] = (i * 31) & 0xff
    const res = await conn.invoke(RequestCode.SEND_MESSAGE_V2, { a: 'x' }, body, { timeoutMs: 10_000 })
    expect(res.body!.equals(body)).toBe(true)
    const small = await conn.invoke(RequestCode.SEND_MESSAGE_V2, { a: 'y' }, Buffer.from('tiny'))
    expect(small.body!.toString()).toBe('tiny')
  })

  it('times out a request with a typed retriable ERR_TIMEOUT, then closes the connection (issue 8 #5)', async () => {
    const s = await server()
    const conn = connection(s.address)
    await conn.connect()
    const other = conn.invoke(RequestCode.HEART_BEAT, {}, undefined, { timeoutMs: 60_000 })
    const err = await rejection(conn.invoke(RequestCode.PULL_MESSAGE, { q: '1' }, undefined, { timeoutMs: 100 }))
    expect(err.code).toBe('ERR_TIMEOUT')
    expect(conn.isClosed).toBe(true)
    expect(conn.closeError?.context.reason).toBe('timeout')
    // the other request on that socket fails at once, retriable, instead of waiting on a socket we no longer trust
    const o = await rejection(other)
    expect(o.code).toBe('ERR_CONNECTION_CLOSED')
    expect(o.retriable).toBe(true)
  })

  it('with closeOnTimeout: false, times out with ERR_TIMEOUT and drops the late response', async () => {
    const s = await server()
    const conn = new Connection({ address: s.address, closeOnTimeout: false })
    cleanups.push(async () => {
      conn.close()
      await conn.waitClosed()
    })
    const err = await rejection(conn.invoke(RequestCode.PULL_MESSAGE, { q: '1' }, undefined, { timeoutMs: 100 }))
    expect(err.code).toBe('ERR_TIMEOUT')
    expect(err.retriable).toBe(true)
    expect(err.context).toMatchObject({ address: s.address, requestCode: 11 })
    expect(err.message).toMatch(/timed out after 100 ms/)
    expect(conn.pendingCount).toBe(0)
    const peer = s.peers[0]!
    const [late] = await peer.waitFor(1)
    // the late answer arrives before the next request's answer and must be ignored
    const next = conn.invoke(RequestCode.PULL_MESSAGE, { q: '2' })
    const reqs = await peer.waitFor(2)
    peer.send(responseTo(late!, 0, { remark: 'late' }))
    peer.send(responseTo(reqs[1]!, 0, { remark: 'fresh' }))
    expect((await next).remark).toBe('fresh')
    expect(conn.isOpen).toBe(true)
  })

  it('aborts a request with ERR_ABORTED, and rejects at once for an already aborted signal', async () => {
    const s = await server()
    const conn = connection(s.address)
    const ac = new AbortController()
    const p = conn.invoke(RequestCode.PULL_MESSAGE, {}, undefined, { timeoutMs: 60_000, signal: ac.signal })
    await (await s.waitForPeer(1)).waitFor(1)
    ac.abort(new Error('user stop'))
    const err = await rejection(p)
    expect(err.code).toBe('ERR_ABORTED')
    expect(err.context.requestCode).toBe(11)
    expect(conn.pendingCount).toBe(0)
    const again = await rejection(conn.invoke(RequestCode.PULL_MESSAGE, {}, undefined, { signal: ac.signal }))
    expect(again.code).toBe('ERR_ABORTED')
    expect(s.peers[0]!.received).toHaveLength(1)
  })

  it('sends oneway requests with flag 2 and gets no answer', async () => {
    const s = await server(echo)
    const conn = connection(s.address)
    await conn.invokeOneway(RequestCode.UPDATE_CONSUMER_OFFSET, { commitOffset: '10' })
    await conn.invokeOneway(RequestCode.UPDATE_CONSUMER_OFFSET, { commitOffset: '11' }, Buffer.alloc(20_000, 1))
    const reqs = await s.peers[0]!.waitFor(2)
    expect(reqs[0]).toMatchObject({ code: 15, flag: 2, extFields: { commitOffset: '10' } })
    expect(reqs[1]!.body!.length).toBe(20_000)
    expect(reqs[0]!.opaque).not.toBe(reqs[1]!.opaque)
    expect(conn.pendingCount).toBe(0)
  })

  it('shares one connect attempt between concurrent callers', async () => {
    const s = await server(echo)
    const conn = connection(s.address)
    await Promise.all([conn.connect(), conn.connect(), conn.invoke(34), conn.invoke(34)])
    await conn.connect()
    expect(s.peers).toHaveLength(1)
    expect(conn.isOpen).toBe(true)
  })

  it('wraps the opaque counter within int32', async () => {
    const s = await server(echo)
    const conn = connection(s.address)
    // white-box: start just below the int32 maximum
    ;(conn as unknown as { lastOpaque: number }).lastOpaque = 2147483646
    await Promise.all([conn.invoke(34), conn.invoke(34), conn.invoke(34)])
    const opaques = s.peers[0]!.received.map((r) => r.opaque)
    expect(opaques).toEqual([2147483647, -2147483648, -2147483647])
  })

  it('fails pending requests with ERR_CONNECTION_CLOSED on close(), once, and refuses later calls', async () => {
    const s = await server()
    const conn = connection(s.address)
    const closes: Array<RocketMQError | undefined> = []
    conn.on('close', (e) => closes.push(e))
    const p1 = conn.invoke(RequestCode.PULL_MESSAGE, {}, undefined, { timeoutMs: 60_000 })
    const p2 = conn.invoke(RequestCode.HEART_BEAT, {}, undefined, { timeoutMs: 60_000 })
    await (await s.waitForPeer(1)).waitFor(2)
    conn.close()
    conn.close()
    const [e1, e2] = await Promise.all([rejection(p1), rejection(p2)])
    expect(e1.code).toBe('ERR_CONNECTION_CLOSED')
    expect(e1.retriable).toBe(true)
    expect(e1.context).toMatchObject({ address: s.address, requestCode: 11 })
    expect(e2.context.requestCode).toBe(34)
    expect(closes).toEqual([undefined])
    expect((await rejection(conn.invoke(34))).code).toBe('ERR_CONNECTION_CLOSED')
    expect((await rejection(conn.invokeOneway(34))).code).toBe('ERR_CONNECTION_CLOSED')
    expect((await rejection(conn.connect())).code).toBe('ERR_CONNECTION_CLOSED')
    await conn.waitClosed()
  })

  it('closes with ERR_CONNECTION_CLOSED when the peer drops the socket', async () => {
    const s = await server()
    const conn = connection(s.address)
    const p = conn.invoke(RequestCode.PULL_MESSAGE, {}, undefined, { timeoutMs: 60_000 })
    const peer = await s.waitForPeer(1)
    await peer.waitFor(1)
    const closed = once(conn, 'close')
    peer.socket.destroy()
    const [err] = (await closed) as [RocketMQError]
    expect(err.code).toBe('ERR_CONNECTION_CLOSED')
    expect((await rejection(p)).code).toBe('ERR_CONNECTION_CLOSED')
    expect(conn.isOpen).toBe(false)
  })

  it('fails fast with a retriable ERR_CONNECTION when the connection is refused', async () => {
    const port = await unusedPort()
    const conn = connection(`127.0.0.1:${port}`)
    const closed = once(conn, 'close')
    // Fails on the refusal itself (ECONNREFUSED below), not at the request's 5 s timeout.
    const err = await rejection(conn.invoke(RequestCode.GET_ROUTEINFO_BY_TOPIC, { topic: 'T' }, undefined, { timeoutMs: 5000 }))
    expect(err.code).toBe('ERR_CONNECTION')
    expect(err.retriable).toBe(true)
    expect(err.context.address).toBe(`127.0.0.1:${port}`)
    expect(err.message).toMatch(/ECONNREFUSED/)
    const [closeErr] = (await closed) as [RocketMQError]
    expect(closeErr.code).toBe('ERR_CONNECTION')
    const direct = new Connection({ address: `127.0.0.1:${port}` })
    expect((await rejection(direct.connect())).code).toBe('ERR_CONNECTION')
  })
  it('times out a connect attempt that never completes with a retriable ERR_CONNECTION', async () => {
    // a socket that never connects (what a black-holed SYN looks like)
    const spy = vi.spyOn(net, 'createConnection').mockImplementation(() => new net.Socket())
    cleanups.push(() => spy.mockRestore())
    const conn = new Connection({ address: '127.0.0.1:1', connectTimeoutMs: 80 })
    const closed = once(conn, 'close')
    const [e1, e2] = await Promise.all([rejection(conn.connect()), rejection(conn.invoke(34, {}, undefined, { timeoutMs: 5000 }))])
    expect(spy).toHaveBeenCalledTimes(1)
    for (const e of [e1, e2]) {
      expect(e.code).toBe('ERR_CONNECTION')
      expect(e.retriable).toBe(true)
      expect(e.context.address).toBe('127.0.0.1:1')
      expect(e.message).toMatch(/timed out after 80 ms/)
    }
    expect(((await closed) as [RocketMQError])[0].code).toBe('ERR_CONNECTION')
    await conn.waitClosed()
  })

  it('close() during connect rejects the connect and the waiting requests with ERR_CONNECTION_CLOSED', async () => {
    const spy = vi.spyOn(net, 'createConnection').mockImplementation(() => new net.Socket())
    cleanups.push(() => spy.mockRestore())
    const conn = new Connection({ address: '127.0.0.1:1', connectTimeoutMs: 60_000 })
    const c = conn.connect()
    const i = conn.invoke(34, {}, undefined, { timeoutMs: 60_000 })
    conn.close()
    expect((await rejection(c)).code).toBe('ERR_CONNECTION_CLOSED')
    expect((await rejection(i)).code).toBe('ERR_CONNECTION_CLOSED')
    await conn.waitClosed()
  })
})

describe('requests from the server (§11)', () => {
  const serverRequest = (code: number, opaque: number, flag = 0): RemotingCommand => ({
    code,
    language: 'JAVA',
    version: 479,
    opaque,
    flag,
    extFields: { consumerGroup: 'g1' },
  })

  it('answers with the handler response, flag 1 and the same opaque; code 3 for undefined; code 1 for a throw', async () => {
    const seen: number[] = []
    const conns: unknown[] = []
    // Records only: a throw in here is the case under test (code 1), so an expect in here could not fail the test.
    const handler: RequestHandler = async (cmd, conn) => {
      seen.push(cmd.code)
      conns.push(conn)
      if (cmd.code === RequestCode.GET_CONSUMER_RUNNING_INFO) {
        return createResponseCommand(ResponseCode.SUCCESS, undefined, undefined, Buffer.from('{"properties":{}}'))
      }
      if (cmd.code === RequestCode.CONSUME_MESSAGE_DIRECTLY) throw new Error('listener blew up')
      if (cmd.code === RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT) {
        // synchronous handlers work too (the wrapper awaits whatever comes back)
        return { code: 0, language: 'JAVA', version: 401, opaque: 0, flag: 0, remark: 'sync' }
      }
      return undefined
    }
    const s = await server()
    const conn = connection(s.address, handler)
    await conn.connect()
    const peer = await s.waitForPeer(1)
    peer.send(serverRequest(RequestCode.GET_CONSUMER_RUNNING_INFO, 501))
    peer.send(serverRequest(RequestCode.CONSUME_MESSAGE_DIRECTLY, 502))
    peer.send(serverRequest(9999, 503))
    peer.send(serverRequest(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, 504))
    const got = await peer.waitFor(4)
    const byOpaque = new Map(got.map((c) => [c.opaque, c]))
    expect(byOpaque.get(501)).toMatchObject({ code: 0, flag: 1 })
    expect(byOpaque.get(501)!.body!.toString()).toBe('{"properties":{}}')
    expect(byOpaque.get(502)).toMatchObject({ code: 1, flag: 1, remark: 'listener blew up' })
    expect(byOpaque.get(503)).toMatchObject({ code: 3, flag: 1 })
    expect(byOpaque.get(503)!.remark).toMatch(/9999/)
    expect(byOpaque.get(504)).toMatchObject({ code: 0, flag: 1, remark: 'sync' })
    expect(seen.sort()).toEqual([221, 307, 309, 9999])
    expect(conns).toEqual([conn, conn, conn, conn]) // the handler is told which connection the request came on
  })

  it('never answers oneway requests, but runs the handler and emits request', async () => {
    const handled: RemotingCommand[] = []
    const s = await server()
    const conn = connection(s.address, (cmd) => {
      handled.push(cmd)
      return createResponseCommand(0)
    })
    const events: number[] = []
    conn.on('request', (cmd) => events.push(cmd.code))
    await conn.connect()
    const peer = await s.waitForPeer(1)
    peer.send(serverRequest(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, 601, 2))
    peer.send(serverRequest(RequestCode.GET_CONSUMER_RUNNING_INFO, 602))
    const got = await peer.waitFor(1)
    // the first thing the server receives is the answer to 602: 601 was not answered
    expect(got[0]).toMatchObject({ opaque: 602, flag: 1, code: 0 })
    expect(handled.map((c) => c.opaque)).toEqual([601, 602])
    expect(events).toEqual([40, 307])
    // the connection is still healthy afterwards
    const ping = conn.invoke(34)
    const all = await peer.waitFor(2)
    peer.send(responseTo(all[1]!, 0, { remark: 'pong' }))
    expect((await ping).remark).toBe('pong')
  })

  it('answers code 3 when no handler is installed', async () => {
    const s = await server((cmd, peer) => {
      if (cmd.flag === 0) peer.send(responseTo(cmd, 0))
    })
    const conn = connection(s.address)
    await conn.connect()
    const peer = await s.waitForPeer(1)
    peer.send(serverRequest(RequestCode.GET_CONSUMER_RUNNING_INFO, 701))
    const [answer] = await peer.waitFor(1)
    expect(answer).toMatchObject({ code: 3, flag: 1, opaque: 701 })
  })
})

describe('bad frames from the server', () => {
  const lengthPrefix = (n: number): Buffer => {
    const b = Buffer.alloc(4)
    b.writeInt32BE(n, 0)
    return b
  }
  const frameWith = (serializeType: number, header: Buffer): Buffer => {
    const b = Buffer.alloc(8)
    b.writeInt32BE(4 + header.length, 0)
    b.writeUInt32BE(((serializeType << 24) | header.length) >>> 0, 4)
    return Buffer.concat([b, header])
  }
  const cases: Array<[string, Buffer, string]> = [
    ['an oversized length prefix', lengthPrefix(MAX_FRAME_BYTES), 'ERR_FRAME_TOO_LARGE'],
    ['a negative length prefix', lengthPrefix(-8), 'ERR_MALFORMED_FRAME'],
    ['a garbage header length', Buffer.from('0000000c00fffff0deadbeefdeadbeef', 'hex'), 'ERR_MALFORMED_FRAME'],
    ['a header that is not JSON', frameWith(0, Buffer.from('{"code":0,"opaque":')), 'ERR_MALFORMED_FRAME'],
    ['an unknown serialize type', frameWith(7, Buffer.from('{"code":0,"opaque":1,"flag":1}')), 'ERR_MALFORMED_FRAME'],
    ['a plain-text HTTP answer', Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n'), 'ERR_FRAME_TOO_LARGE'],
  ]

  for (const [name, bytes, code] of cases) {
    it(`closes the connection with ${code} on ${name}; pending requests reject with it`, async () => {
      let first = true
      const s = await server((cmd, peer) => {
        if (first) {
          first = false
          // a valid answer for the first request, in the same chunk as the poison
          peer.socket.write(Buffer.concat([encodeCommand(responseTo(cmd, 0, { remark: 'before' })), bytes]))
        }
      })
      const conn = connection(s.address)
      const closes: Array<RocketMQError | undefined> = []
      conn.on('close', (e) => closes.push(e))
      const closed = once(conn, 'close')
      const okCall = conn.invoke(RequestCode.HEART_BEAT, {}, undefined, { timeoutMs: 60_000 })
      // this one is pending when the bad bytes arrive
      const pending = conn.invoke(RequestCode.PULL_MESSAGE, {}, undefined, { timeoutMs: 60_000 })
      const [closeErr] = (await closed) as [RocketMQError]
      expect(closeErr).toBeInstanceOf(RocketMQError)
      expect(closeErr.code).toBe(code)
      expect(closeErr.context.address).toBe(s.address)
      const err = await rejection(pending)
      expect(err).toBe(closeErr)
      expect((await okCall).remark).toBe('before')
      expect(closes).toHaveLength(1)
      expect(conn.isOpen).toBe(false)
      expect((await rejection(conn.invoke(34))).code).toBe('ERR_CONNECTION_CLOSED')
    })
  }
})

describe('RemotingClient', () => {
  function client(opts: ConstructorParameters<typeof RemotingClient>[0] = {}): RemotingClient {
    const c = new RemotingClient(opts)
    cleanups.push(() => c.close())
    return c
  }

  it('pools one connection per address', async () => {
    const a = await server(echo)
    const b = await server(echo)
    const rc = client()
    await Promise.all([rc.invoke(a.address, 34), rc.invoke(a.address, 34), rc.invoke(b.address, 34)])
    await rc.invoke(a.address, 34)
    expect(a.peers).toHaveLength(1)
    expect(b.peers).toHaveLength(1)
    expect(rc.addresses().sort()).toEqual([a.address, b.address].sort())
  })

  it('reconnects on next use after the server drops the socket, and reports the close', async () => {
    const s = await server(echo)
    const hooked: string[] = []
    const rc = client({ onConnectionClosed: (address) => hooked.push(address) })
    const first = await rc.invoke(s.address, RequestCode.GET_ROUTEINFO_BY_TOPIC, { topic: 'A' })
    expect(first.extFields).toEqual({ topic: 'A' })
    const dropped = once(rc, 'connectionClosed')
    s.peers[0]!.socket.destroy()
    const [address, err] = (await dropped) as [string, RocketMQError]
    expect(address).toBe(s.address)
    expect(err.code).toBe('ERR_CONNECTION_CLOSED')
    expect(hooked).toEqual([s.address])
    expect(rc.addresses()).toEqual([])
    const second = await rc.invoke(s.address, RequestCode.GET_ROUTEINFO_BY_TOPIC, { topic: 'B' })
    expect(second.extFields).toEqual({ topic: 'B' })
    expect(s.peers).toHaveLength(2)
  })

  it('a desynchronised peer (length prefix of 1 MiB, then 10 bytes, then correct answers) does not poison the address (issue 8 #5)', async () => {
    let desync = true
    const s = await server((cmd, peer) => {
      if ((cmd.flag & 3) !== 0) return
      if (desync) {
        desync = false
        const junk = Buffer.alloc(14)
        junk.writeInt32BE(1024 * 1024, 0) // promises 1 MiB, sends 10 bytes
        peer.socket.write(junk)
      }
      peer.send(responseTo(cmd, 0, { remark: 'ok' })) // swallowed by the 1 MiB frame on the first socket
    })
    const rc = client()
    const first = await rejection(rc.invoke(s.address, RequestCode.GET_ROUTEINFO_BY_TOPIC, {}, undefined, { timeoutMs: 150 }))
    expect(first.code).toBe('ERR_TIMEOUT')
    for (let i = 0; i < 3; i++) {
      const res = await rc.invoke(s.address, RequestCode.GET_ROUTEINFO_BY_TOPIC, {}, undefined, { timeoutMs: 5000 })
      expect(res.remark).toBe('ok')
    }
    expect(s.peers).toHaveLength(2)
    // a test timeout above the requests' own: on a poisoned address the failure is their ERR_TIMEOUT, not the runner's
  }, 30_000)

  it('drops a connection whose connect failed; the next call tries again', async () => {
    const port = await unusedPort()
    const rc = client()
    const address = `127.0.0.1:${port}`
    expect((await rejection(rc.invoke(address, 34))).code).toBe('ERR_CONNECTION')
    expect(rc.addresses()).toEqual([])
    expect((await rejection(rc.invokeOneway(address, 34))).code).toBe('ERR_CONNECTION')
  })

  it('routes server requests on pooled connections to onRequest', async () => {
    const s = await server((cmd, peer) => {
      if (cmd.flag === 0) peer.send(responseTo(cmd, 0))
    })
    const rc = client({ onRequest: (cmd) => createResponseCommand(0, `handled ${cmd.code}`) })
    await rc.invoke(s.address, 34)
    const peer = s.peers[0]!
    peer.send({ code: 307, language: 'JAVA', version: 479, opaque: 9, flag: 0 })
    const got = await peer.waitFor(2)
    expect(got[1]).toMatchObject({ opaque: 9, flag: 1, code: 0, remark: 'handled 307' })
  })

  it('closeConnection fails that address only; close() fails everything after with ERR_CLOSED', async () => {
    const a = await server()
    const b = await server(echo)
    const rc = client()
    const hanging = rc.invoke(a.address, 11, {}, undefined, { timeoutMs: 60_000 })
    await (await a.waitForPeer(1)).waitFor(1)
    rc.closeConnection(a.address)
    expect((await rejection(hanging)).code).toBe('ERR_CONNECTION_CLOSED')
    await rc.invoke(b.address, 34)
    const hangingB = rc.invoke(b.address, 11, { x: '1' }, undefined, { timeoutMs: 60_000 })
    // echo may answer it before close, or close fails it: either way it settles
    const outcomeB = hangingB.then(
      () => 'answered',
      (e: unknown) => (e as RocketMQError).code,
    )
    await rc.close()
    expect(['answered', 'ERR_CONNECTION_CLOSED']).toContain(await outcomeB)
    expect(rc.isClosed).toBe(true)
    expect((await rejection(rc.invoke(b.address, 34))).code).toBe('ERR_CLOSED')
    expect((await rejection(rc.invokeOneway(b.address, 34))).code).toBe('ERR_CLOSED')
    await rc.close()
  })
})
