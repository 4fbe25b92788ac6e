import { readFileSync } from 'node:fs'
import net from 'node:net'
import { fileURLToPath } from 'node:url'
import { FrameDecoder, encodeCommand } from '../../src/remoting/codec.js'
import type { RemotingCommand } from '../../src/remoting/command.js'

const fixturesDir = fileURLToPath(new URL('../fixtures/frames/', import.meta.url))

/** A frame fixture: hex text, whitespace ignored, `#` comment lines. */
export function readHexFixture(name: string): Buffer {
  const text = readFileSync(fixturesDir + name, 'utf8')
  const hex = text
    .split('\n')
    .filter((l) => !l.trim().startsWith('#'))
    .join('')
    .replace(/\s+/g, '')
  return Buffer.from(hex, 'hex')
}

export interface ServerPeer {
  readonly socket: net.Socket
  /** Commands received from the client, in order. */
  readonly received: RemotingCommand[]
  send(cmd: RemotingCommand): void
  /** Resolves when at least n commands have arrived. */
  waitFor(n: number): Promise<RemotingCommand[]>
}

export interface FakeServer {
  readonly address: string
  readonly port: number
  readonly peers: ServerPeer[]
  /** Resolves with the n-th (1-based) connection once it is accepted. */
  waitForPeer(n: number): Promise<ServerPeer>
  close(): Promise<void>
}

/**
 * A net.Server on 127.0.0.1:0 that speaks remoting frames with our codec. `onCommand` runs for each command the
 * client sends (the default does nothing: the test drives the peer).
 */
export async function startFakeServer(onCommand?: (cmd: RemotingCommand, peer: ServerPeer) => void): Promise<FakeServer> {
  const peers: ServerPeer[] = []
  const peerWaiters: Array<{ n: number; resolve: (p: ServerPeer) => void }> = []
  const sockets = new Set<net.Socket>()

  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    const decoder = new FrameDecoder()
    const received: RemotingCommand[] = []
    const waiters: Array<{ n: number; resolve: (c: RemotingCommand[]) => void }> = []
    const peer: ServerPeer = {
      socket,
      received,
      send: (cmd) => {
        if (!socket.destroyed) socket.write(encodeCommand(cmd))
      },
      waitFor: (n) =>
        new Promise((resolve) => {
          if (received.length >= n) resolve(received)
          else waiters.push({ n, resolve })
        }),
    }
    socket.on('data', (chunk: Buffer) => {
      let cmds: RemotingCommand[]
      try {
        cmds = decoder.push(chunk)
      } catch {
        socket.destroy()
        return
      }
      for (const cmd of cmds) {
        received.push(cmd)
        onCommand?.(cmd, peer)
        for (const w of [...waiters]) {
          if (received.length >= w.n) {
            waiters.splice(waiters.indexOf(w), 1)
            w.resolve(received)
          }
        }
      }
    })
    peers.push(peer)
    for (const w of [...peerWaiters]) {
      if (peers.length >= w.n) {
        peerWaiters.splice(peerWaiters.indexOf(w), 1)
        w.resolve(peers[w.n - 1]!)
      }
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as net.AddressInfo).port
  return {
    address: `127.0.0.1:${port}`,
    port,
    peers,
    waitForPeer: (n) =>
      new Promise((resolve) => {
        if (peers.length >= n) resolve(peers[n - 1]!)
        else peerWaiters.push({ n, resolve })
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

/** A response to `req` (flag 1, same opaque). */
export function responseTo(req: RemotingCommand, code: number, extra: Partial<RemotingCommand> = {}): RemotingCommand {
  return { code, language: 'JAVA', version: 479, opaque: req.opaque, flag: 1, ...extra }
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function unusedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
