import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LocalFileOffsetStore } from '../../src/consumer/offset-store/local-file-offset-store.js'

const dirs: string[] = []
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})

describe('LocalFileOffsetStore (broadcasting)', () => {
  it('persists offsets to a per-member file and reads them back after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rmq-offsets-'))
    dirs.push(dir)
    const a = { topic: 'T', brokerName: 'broker-a', queueId: 0 }
    const b = { topic: 'T', brokerName: 'broker-b', queueId: 1 }
    const store = new LocalFileOffsetStore(dir, 'member-1', 'g1')
    await store.load()
    expect(await store.readStore(a)).toBe(-1)
    store.update(a, 42, true)
    store.update(a, 40, true) // increase only
    store.update(b, 7, false)
    const written = await store.persistAll([a, b])
    expect(written).toHaveLength(2)
    const file = JSON.parse(await readFile(store.path, 'utf8'))
    expect(file.offsetTable).toContainEqual({ topic: 'T', brokerName: 'broker-a', queueId: 0, offset: 42 })

    const again = new LocalFileOffsetStore(dir, 'member-1', 'g1')
    await again.load()
    expect(await again.readStore(a)).toBe(42)
    expect(await again.readStore(b)).toBe(7)
    const other = new LocalFileOffsetStore(dir, 'member-2', 'g1')
    await other.load()
    expect(await other.readStore(a)).toBe(-1)
  })
})
