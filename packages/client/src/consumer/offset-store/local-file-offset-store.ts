import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { homedir } from 'node:os'
import { mqKey, type MessageQueue } from '../../protocol/route.js'
import { OffsetTable, type OffsetStore } from './offset-store.js'

interface FileShape {
  offsetTable: Array<{ topic: string; brokerName: string; queueId: number; offset: number }>
}

/**
 * Broadcasting: every member keeps its own offsets in a local JSON file
 * (`<dir>/<memberId>/<group>/offsets.json`), written atomically (temp file + rename).
 */
export class LocalFileOffsetStore extends OffsetTable implements OffsetStore {
  readonly path: string
  private stored = new Map<string, number>()
  private writing: Promise<void> = Promise.resolve()

  constructor(dir: string | undefined, memberId: string, group: string) {
    super()
    const safe = (s: string) => s.replace(/[^a-zA-Z0-9@._%|-]/g, '_')
    this.path = join(dir ?? join(homedir(), '.rocketmq_offsets'), safe(memberId), safe(group), 'offsets.json')
  }

  async load(): Promise<void> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
      throw e
    }
    const data = JSON.parse(text) as FileShape
    for (const r of data.offsetTable ?? []) {
      const mq = { topic: r.topic, brokerName: r.brokerName, queueId: r.queueId }
      this.stored.set(mqKey(mq), r.offset)
      this.update(mq, r.offset, false)
    }
  }

  async fetch(mq: MessageQueue): Promise<number> {
    return this.stored.get(mqKey(mq)) ?? -1
  }

  override committed(mq: MessageQueue): number {
    return this.stored.get(mqKey(mq)) ?? -1
  }

  async readStore(mq: MessageQueue): Promise<number> {
    const v = await this.fetch(mq)
    if (v >= 0) this.update(mq, v, false)
    return v
  }

  async persist(mq: MessageQueue): Promise<boolean> {
    return (await this.persistAll([mq])).length > 0
  }

  async persistAll(mqs: readonly MessageQueue[]): Promise<Array<{ queue: MessageQueue; offset: number }>> {
    const done: Array<{ queue: MessageQueue; offset: number }> = []
    for (const mq of mqs) {
      const e = this.table.get(mqKey(mq))
      if (!e || e.offset < 0) continue
      this.stored.set(mqKey(mq), e.offset)
      done.push({ queue: mq, offset: e.offset })
    }
    if (done.length === 0) return done
    const snapshot: FileShape = {
      offsetTable: [...this.stored.entries()].map(([k, offset]) => {
        const [topic, brokerName, queueId] = k.split('@') as [string, string, string]
        return { topic, brokerName, queueId: Number(queueId), offset }
      }),
    }
    // Serialize writes so an older snapshot never lands after a newer one.
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(this.path), { recursive: true })
      const tmp = `${this.path}.${process.pid}.tmp`
      await writeFile(tmp, JSON.stringify(snapshot, null, 1))
      await rename(tmp, this.path)
    })
    await this.writing
    return done
  }
}
