/**
 * NameServer connections that the NameServer (or the OS) closes while idle. A close seen before the next query is
 * handled by the pool (a fresh connection); a close that crosses a query on its way out must not fail the query with
 * ERR_NAMESERVER_UNREACHABLE: the NameServer is fine, only that connection is gone, so the query goes out once more on a
 * fresh one. A NameServer that drops every connection is still reported unreachable, after one retry, not a loop.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Admin } from '../../src/admin/admin.js'
import { NameServerClient } from '../../src/cluster/name-server.js'
import { RocketMQError } from '../../src/errors.js'
import { silentLogger } from '../../src/logger.js'
import { RequestCode } from '../../src/remoting/codes.js'
import type { RemotingCommand } from '../../src/remoting/command.js'
import { RemotingClient } from '../../src/remoting/remoting-client.js'
import { responseTo, startFakeServer, type FakeServer, type ServerPeer } from '../remoting/helpers.js'

const ROUTE = Buffer.from(
  JSON.stringify({
    brokerDatas: [{ cluster: 'c', brokerName: 'broker-a', brokerAddrs: { '0': '127.0.0.1:10911' } }],
    queueDatas: [{ brokerName: 'broker-a', readQueueNums: 4, writeQueueNums: 4, perm: 6, topicSysFlag: 0 }],
  }),
)

let server: FakeServer | undefined
let remoting: RemotingClient | undefined
afterEach(async () => {
  await remoting?.close()
  await server?.close()
  server = remoting = undefined
})

function answerRoute(cmd: RemotingCommand, peer: ServerPeer): void {
  if (cmd.code === RequestCode.GET_ROUTEINFO_BY_TOPIC) peer.send(responseTo(cmd, 0, { body: ROUTE }))
}

/** Resolves when the pool has dropped its connection to `address` (the client saw the close). */
function poolDropped(client: RemotingClient, address: string): Promise<void> {
  return new Promise((resolve) => {
    const on = (a: string) => {
      if (a !== address) return
      client.off('connectionClosed', on)
      resolve()
    }
    client.on('connectionClosed', on)
  })
}

describe('NameServerClient: idle connections closed by the NameServer', () => {
  it('a connection the NameServer closed while idle: the next route query connects again', async () => {
    server = await startFakeServer(answerRoute)
    remoting = new RemotingClient()
    const ns = new NameServerClient(remoting, [server.address], 3000, silentLogger)
    expect((await ns.getTopicRoute('T'))?.queueDatas).toHaveLength(1)
    const dropped = poolDropped(remoting, server.address)
    ;(await server.waitForPeer(1)).socket.end() // the NameServer's idle close (FIN)
    await dropped
    expect((await ns.getTopicRoute('T'))?.queueDatas).toHaveLength(1)
    expect(server.peers).toHaveLength(2)
  })

  it('the idle close crosses the next query on its way out: the query is sent again on a fresh connection and answered', async () => {
    let requests = 0
    server = await startFakeServer((cmd, peer) => {
      requests++
      // the second query arrives on the first connection just as the NameServer closes it: no answer, connection gone
      if (requests === 2) peer.socket.destroy()
      else answerRoute(cmd, peer)
    })
    remoting = new RemotingClient()
    const ns = new NameServerClient(remoting, [server.address], 3000, silentLogger)
    expect((await ns.getTopicRoute('T'))?.queueDatas).toHaveLength(1)
    const route = await ns.getTopicRoute('T')
    expect(route?.queueDatas).toHaveLength(1)
    expect(requests).toBe(3)
    expect(server.peers).toHaveLength(2)
  })

  it('a NameServer that drops every connection under a query is unreachable after one retry per address, not a loop', async () => {
    server = await startFakeServer((_cmd, peer) => peer.socket.destroy())
    remoting = new RemotingClient()
    const ns = new NameServerClient(remoting, [server.address], 3000, silentLogger)
    const err = await ns.getTopicRoute('T').then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(RocketMQError)
    expect((err as RocketMQError).code).toBe('ERR_NAMESERVER_UNREACHABLE')
    expect((err as RocketMQError).message).toContain(server.address)
    expect(server.peers).toHaveLength(2)
  })

  it("Admin's NameServer requests (cluster info) ride out the same crossed close", async () => {
    let requests = 0
    server = await startFakeServer((cmd, peer) => {
      if (cmd.code !== RequestCode.GET_BROKER_CLUSTER_INFO) return
      requests++
      if (requests === 2) peer.socket.destroy()
      else peer.send(responseTo(cmd, 0, { body: Buffer.from(JSON.stringify({ brokerAddrTable: {}, clusterAddrTable: {} })) }))
    })
    const admin = new Admin({ nameServer: server.address })
    try {
      // cluster info answered with no brokers: createTopic's own refusal, twice (not ERR_NAMESERVER_UNREACHABLE)
      for (let i = 0; i < 2; i++) {
        const err = await admin.createTopic('T', { queuesPerBroker: 1 }).then(
          () => undefined,
          (e: unknown) => e,
        )
        expect((err as RocketMQError).code).toBe('ERR_BROKER_NOT_FOUND')
      }
      expect(requests).toBe(3)
    } finally {
      await admin.close()
    }
  })
})
