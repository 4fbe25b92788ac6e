/** Argument parsing of the `rocketmq-testkit` CLI: strict (unknown flags and stray words are errors), no side effects. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { TestkitError } from './errors.js'

/** The CLI's help text. */
export const USAGE = `usage: rocketmq-testkit <command> [options]

commands:
  up       start NameServer, broker-a/b master+slave and the proxy (5.x only); prints the addresses
  down     stop the cluster \`up\` started for this project
  status   show the recorded cluster's processes and NameServer registrations

options of up:
  --foreground         stay in the foreground; Ctrl-C stops the cluster
  --no-proxy           do not start the proxy
  --no-slaves          do not start broker-a-1 / broker-b-1
  --port-offset N|auto shift every port by N (0..50000), or take the first free offset of 0, 1000, ... 9000
  --version V          RocketMQ version (default: the kit's pinned version)
  --quiet              no progress lines (jar download, process starts)

  -h, --help           this text (any command)`

/** A parsed command line of the `rocketmq-testkit` CLI. */
export type CliCommand =
  | {
      /** Print the usage. */
      command: 'help'
    }
  | {
      /** Start a cluster. */
      command: 'up'
      /** Stay in the foreground (Ctrl-C stops the cluster). */
      foreground: boolean
      /** Start the proxy. */
      withProxy: boolean
      /** Start the slaves. */
      withSlaves: boolean
      /** Shift every port by this, or find a free offset. */
      portOffset: number | 'auto'
      /** The RocketMQ version; undefined = the kit's pinned one. */
      version: string | undefined
      /** Print progress lines. */
      progress: boolean
    }
  | {
      /** Stop the cluster `up` started. */
      command: 'down'
    }
  | {
      /** Show the recorded cluster. */
      command: 'status'
    }

function usageError(message: string): TestkitError {
  return new TestkitError('ERR_TESTKIT_ARGUMENT', `${message}\n\n${USAGE}`)
}

/** Parses `process.argv.slice(2)`. Throws ERR_TESTKIT_ARGUMENT (message ends with the usage) on anything unknown. */
export function parseCli(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { command: 'help' }
  if (command !== 'up' && command !== 'down' && command !== 'status') throw usageError(`unknown command '${command}'`)
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } }
  if (command === 'up') {
    Object.assign(options, {
      foreground: { type: 'boolean' },
      'no-proxy': { type: 'boolean' },
      'no-slaves': { type: 'boolean' },
      'port-offset': { type: 'string' },
      version: { type: 'string' },
      quiet: { type: 'boolean' },
    } satisfies ParseArgsConfig['options'])
  }
  let values: Record<string, unknown>
  try {
    ;({ values } = parseArgs({ args: [...rest], options, strict: true, allowPositionals: false }))
  } catch (e) {
    throw usageError(`${command}: ${(e as Error).message}`)
  }
  if (values['help'] === true) return { command: 'help' }
  if (command !== 'up') return { command }
  const off = values['port-offset'] as string | undefined
  let portOffset: number | 'auto' = 0
  if (off !== undefined) {
    if (off === 'auto') portOffset = 'auto'
    else if (/^\d+$/.test(off) && Number(off) <= 50_000) portOffset = Number(off)
    else throw usageError(`up: --port-offset must be a whole number from 0 to 50000 or 'auto' (got '${off}')`)
  }
  const version = values['version'] as string | undefined
  if (version !== undefined && !/^\d+\.\d+\.\d+$/.test(version)) throw usageError(`up: --version must look like 5.5.0 (got '${version}')`)
  return {
    command: 'up',
    foreground: values['foreground'] === true,
    withProxy: values['no-proxy'] !== true,
    withSlaves: values['no-slaves'] !== true,
    portOffset,
    version,
    progress: values['quiet'] !== true,
  }
}
