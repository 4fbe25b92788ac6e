/**
 * The published declarations: MessageView's decoder state (`_hostBuf`, `_props`, ...) is tagged internal and stripped
 * from the .d.ts (stripInternal), so users see only the message's fields and accessors. Reads the built
 * declarations (`npm run build`, which `npm test` runs first through typecheck).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dts = (rel: string) => readFileSync(fileURLToPath(new URL(`../../dist/${rel}`, import.meta.url)), 'utf8')

describe('published types', () => {
  it('MessageView declares no internal field; its public fields and accessors are there', () => {
    const text = dts('protocol/message-view.d.ts')
    const cls = text.slice(text.indexOf('export declare class MessageView'))
    expect(cls.match(/^\s+_\w+/gm) ?? []).toEqual([])
    for (const name of ['topic', 'queueOffset', 'body', 'reconsumeTimes', 'get properties', 'get msgId', 'get queue', 'getProperty']) expect(cls).toContain(`    ${name}`)
  })

  it('what the proxy package imports from ./internal is still declared', () => {
    const text = dts('internal.d.ts')
    for (const name of ['registerProxyEngine', 'PushEngine', 'CloseResult', 'HandlerPool', 'MessageView']) expect(text).toContain(name)
  })
})
