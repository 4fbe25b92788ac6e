/**
 * Detached watchdog: `node watchdog.js <ownerPid> <stateFile>`.
 * Exits when the state file disappears (the cluster was stopped normally). When the owner process dies
 * (test runner killed, crashed, interrupted), stops every pid recorded in the state file (verified by its
 * command line naming the run dir), removes the run dir, and exits.
 */
import { existsSync, rmSync } from 'node:fs'
import { isAlive, owns } from './proc.js'
import { allPids, readState, stopNodes } from './state.js'

const ownerPid = Number(process.argv[2])
const stateFile = process.argv[3] ?? ''

let busy = false
const timer = setInterval(() => {
  if (busy) return
  busy = true
  tick()
    .catch(() => {
      process.exit(1)
    })
    .finally(() => {
      busy = false
    })
}, 1000)

async function tick(): Promise<void> {
  if (!existsSync(stateFile)) {
    clearInterval(timer)
    process.exit(0)
  }
  if (isAlive(ownerPid)) return
  clearInterval(timer)
  // Sweep until no recorded pid is alive: an orphaned test worker may still record a restart meanwhile.
  let state = readState(stateFile)
  for (let round = 0; round < 5; round++) {
    await stopNodes(state, 3000)
    if (!existsSync(stateFile)) break
    state = readState(stateFile)
    if (allPids(state).every((pid) => !owns(pid, state.runDir))) break
  }
  rmSync(state.runDir, { recursive: true, force: true })
  process.exit(0)
}

if (!Number.isInteger(ownerPid) || stateFile === '') process.exit(2)
