/** Runs bench/java's SecureInterop (rocketmq-client 5.5.0 from Maven Central) beside our client. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROCKETMQ_VERSION, type ClusterSecurity } from '@rocketmq-ts/testkit'

interface BenchLib {
  ensureJavaBuild(version: string, log?: (line: string) => void): { built: boolean; ms?: number }
  javaExecutable(): string
  javaArgs(mainClass: string, programArgs: string[], o?: { heap?: string; logRoot?: string }): string[]
}

const ROOT = join(import.meta.dirname, '..', '..', '..')

async function benchLib(): Promise<BenchLib> {
  return (await import(pathToFileURL(join(ROOT, 'bench', 'lib.mjs')).href)) as BenchLib
}

/** Builds bench/java with Maven when stale (a few seconds when the ~/.m2 cache is warm). */
export async function ensureJava(): Promise<void> {
  ;(await benchLib()).ensureJavaBuild(ROCKETMQ_VERSION)
}

export interface JavaSide {
  /** rocketmq-client's own TLS switches (TlsSystemConfig), for the kit's CA and client certificate. */
  security: ClusterSecurity | undefined
  nameServer: string
  accessKey?: string
  secretKey?: string
  namespace?: string
}

export type JavaLine = { started?: boolean; ready?: boolean; queues?: number; done?: boolean; sent?: number; body?: string; topic?: string; queue?: string; received?: number; checked?: string; msgId?: string }

export interface JavaProcess {
  proc: ChildProcess
  lines: JavaLine[]
  /**
   * Resolves with the first line matching `pred` (already printed or later); rejects if the process exits first or,
   * with `timeoutMs`, when that passes (the message names `what` and shows the process's output).
   */
  waitLine(pred: (l: JavaLine) => boolean, what: string, timeoutMs?: number): Promise<JavaLine>
  exited: Promise<number | null>
  /** Closes stdin (the consumer shuts down cleanly) and waits for the exit (SIGKILL after 60 s). */
  stop(): Promise<void>
  output(): string
}

function tlsProps(sec: ClusterSecurity | undefined): string[] {
  if (sec?.tls === undefined) return []
  const p = sec.tls.pki
  return [
    '-Dtls.enable=true',
    '-Dtls.test.mode.enable=false',
    '-Dtls.client.authServer=true',
    `-Dtls.client.trustCertPath=${p.caFile}`,
    `-Dtls.client.certPath=${p.clientCertFile}`,
    `-Dtls.client.keyPath=${p.clientKeyFile}`,
  ]
}

export async function runJava(mode: 'produce' | 'produce-tx' | 'consume', side: JavaSide, args: Record<string, string | number>): Promise<JavaProcess> {
  const lib = await benchLib()
  const program = ['--namesrv', side.nameServer]
  if (side.accessKey !== undefined) program.push('--ak', side.accessKey, '--sk', side.secretKey ?? '')
  if (side.namespace !== undefined) program.push('--namespace', side.namespace)
  for (const [k, v] of Object.entries(args)) program.push(`--${k}`, String(v))
  const logRoot = mkdtempSync(join(tmpdir(), 'rmq-java-'))
  const argv = lib.javaArgs('bench.SecureInterop', [mode, ...program], { heap: '256m', logRoot })
  const proc = spawn(lib.javaExecutable(), [...tlsProps(side.security), ...argv], { stdio: ['pipe', 'pipe', 'pipe'] })
  const lines: JavaLine[] = []
  let out = ''
  let err = ''
  let waiters: Array<() => void> = []
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
  let gone = false
  void exited.then(() => {
    gone = true
    for (const w of waiters.splice(0)) w()
  })
  let partial = ''
  proc.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    partial += chunk.toString()
    const parts = partial.split('\n')
    partial = parts.pop() ?? ''
    for (const line of parts) {
      if (!line.startsWith('{')) continue
      try {
        lines.push(JSON.parse(line) as JavaLine)
      } catch {
        // not one of ours
      }
    }
    for (const w of waiters.splice(0)) w()
  })
  proc.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString()
  })
  const output = (): string => `stdout:\n${out.slice(-3000)}\nstderr:\n${err.slice(-3000)}`
  return {
    proc,
    lines,
    exited,
    output,
    async waitLine(pred, what, timeoutMs) {
      const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs
      for (;;) {
        const hit = lines.find(pred)
        if (hit !== undefined) return hit
        if (gone) throw new Error(`the Java ${mode} process exited before ${what}\n${output()}`)
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for the Java ${mode} process: ${what}\n${output()}`)
        await new Promise<void>((resolve) => {
          const timer = Number.isFinite(left) ? setTimeout(resolve, left) : undefined
          waiters.push(() => {
            clearTimeout(timer)
            resolve()
          })
        })
      }
    },
    async stop() {
      if (!gone) proc.stdin.end()
      // Bounded: a JVM that does not leave within 60 s of its stdin closing is killed (this process's own child).
      const kill = setTimeout(() => proc.kill('SIGKILL'), 60_000)
      await exited
      clearTimeout(kill)
      waiters = []
    },
  }
}
