import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseCli, USAGE } from '../src/cli-args.js'
import { TestkitError } from '../src/errors.js'

function failure(argv: string[]): TestkitError {
  try {
    parseCli(argv)
  } catch (e) {
    expect(e).toBeInstanceOf(TestkitError)
    return e as TestkitError
  }
  throw new Error(`parseCli(${JSON.stringify(argv)}) did not throw`)
}

describe('rocketmq-testkit arguments', () => {
  it('parses up with every option', () => {
    expect(parseCli(['up', '--foreground', '--no-proxy', '--no-slaves', '--port-offset', '2000', '--version', '5.5.0', '--quiet'])).toEqual({
      command: 'up',
      foreground: true,
      withProxy: false,
      withSlaves: false,
      portOffset: 2000,
      version: '5.5.0',
      progress: false,
    })
    expect(parseCli(['up', '--port-offset=auto'])).toMatchObject({ portOffset: 'auto', withProxy: true, withSlaves: true, progress: true, foreground: false })
    expect(parseCli(['down'])).toEqual({ command: 'down' })
    expect(parseCli(['status'])).toEqual({ command: 'status' })
  })

  it('answers --help for any command instead of running it', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help'], ['up', '--help'], ['up', '--no-proxy', '-h'], ['down', '--help'], ['status', '-h']]) {
      expect(parseCli(argv), argv.join(' ')).toEqual({ command: 'help' })
    }
  })

  it('refuses unknown commands, unknown flags, stray words and bad values, naming them', () => {
    expect(failure(['start']).message).toMatch(/^unknown command 'start'/)
    expect(failure(['up', '--port-offset', 'abc']).message).toMatch(/--port-offset must be a whole number from 0 to 50000 or 'auto' \(got 'abc'\)/)
    expect(failure(['up', '--port-offset', '-5']).code).toBe('ERR_TESTKIT_ARGUMENT')
    expect(failure(['up', '--port-offset', '1.5']).message).toContain("got '1.5'")
    expect(failure(['up', '--portoffset', '1']).message).toMatch(/Unknown option '--portoffset'/)
    expect(failure(['up', 'now']).message).toMatch(/up: .*positional/i)
    expect(failure(['down', '--foreground']).message).toMatch(/Unknown option '--foreground'/)
    expect(failure(['up', '--version', 'latest']).message).toContain("--version must look like 5.5.0 (got 'latest')")
    expect(failure(['up', '--bogus']).message.endsWith(USAGE)).toBe(true)
  })

  it('the built CLI prints the usage for `up --help` and exits 2 on `--port-offset abc`, starting nothing', () => {
    const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
    expect(existsSync(cli), `${cli} (build the kit: npx tsc -b)`).toBe(true)
    // A run that tried to start a cluster would check Java and ports first and print [testkit] lines; none may appear.
    const help = spawnSync(process.execPath, [cli, 'up', '--help'], { encoding: 'utf8', timeout: 20_000 })
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('usage: rocketmq-testkit')
    expect(help.stderr).toBe('')
    const bad = spawnSync(process.execPath, [cli, 'up', '--port-offset', 'abc'], { encoding: 'utf8', timeout: 20_000 })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain("--port-offset must be a whole number from 0 to 50000 or 'auto' (got 'abc')")
    expect(bad.stdout).toBe('')
  })
})
