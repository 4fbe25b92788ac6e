/**
 * Decodes every fixture in test/fixtures/messages: `<name>.bin` (a pull body or a single record) plus
 * `<name>.json` (the expected fields; only the fields present are checked). See that folder's README.md.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { RocketMQError } from '../../src/errors.js'
import { decodeMessages, type MessageView } from '../../src/protocol/message.js'

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/messages')

interface Sidecar {
  description?: string
  source?: string
  brokerName?: string
  messageCount?: number
  messages?: Array<Record<string, unknown>>
  expectError?: { code: string; messageMatches?: string }
}

const names = readdirSync(dir)
  .filter((f) => f.endsWith('.bin'))
  .map((f) => f.slice(0, -4))
  .sort()

function check(m: MessageView, exp: Record<string, unknown>, where: string): void {
  for (const [field, want] of Object.entries(exp)) {
    switch (field) {
      case 'bodyHex':
        expect(m.body.toString('hex'), `${where}.body`).toBe(want)
        break
      case 'bodyUtf8':
        expect(m.body.toString('utf8'), `${where}.body`).toBe(want)
        break
      case 'bodyLength':
        expect(m.body.length, `${where}.body.length`).toBe(want)
        break
      case 'bodySha256':
        expect(createHash('sha256').update(m.body).digest('hex'), `${where}.body sha256`).toBe(want)
        break
      case 'properties':
        expect({ ...m.properties }, `${where}.properties`).toEqual(want)
        break
      case 'propertiesInclude':
        expect({ ...m.properties }, `${where}.properties`).toMatchObject(want as object)
        break
      default:
        expect((m as unknown as Record<string, unknown>)[field], `${where}.${field}`).toEqual(want)
    }
  }
}

describe('message fixtures', () => {
  it('the folder holds fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(8)
  })

  it.each(names)('%s', (name) => {
    const bin = readFileSync(join(dir, `${name}.bin`))
    const sidecar = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Sidecar
    const opts = sidecar.brokerName === undefined ? {} : { brokerName: sidecar.brokerName }
    if (sidecar.expectError) {
      let err: unknown
      try {
        decodeMessages(bin, opts)
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(RocketMQError)
      expect((err as RocketMQError).code).toBe(sidecar.expectError.code)
      if (sidecar.expectError.messageMatches) expect((err as Error).message).toContain(sidecar.expectError.messageMatches)
      return
    }
    const msgs = decodeMessages(bin, opts)
    if (sidecar.messageCount !== undefined) expect(msgs).toHaveLength(sidecar.messageCount)
    if (sidecar.messages) {
      expect(msgs).toHaveLength(sidecar.messages.length)
      sidecar.messages.forEach((exp, i) => check(msgs[i]!, exp, `${name}[${i}]`))
    }
    expect(sidecar.messages !== undefined || sidecar.messageCount !== undefined).toBe(true)
    for (const m of msgs) {
      // invariants that hold for any well-formed record
      expect(m.offsetMsgId).toMatch(/^[0-9A-F]{32}([0-9A-F]{24})?$/)
      expect(m.msgId.length).toBeGreaterThan(0)
      if (opts.brokerName) expect(m.brokerName).toBe(opts.brokerName)
    }
  })
})
