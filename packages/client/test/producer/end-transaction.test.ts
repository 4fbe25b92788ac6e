import { describe, expect, it } from 'vitest'
import { endTransaction, TransactionEnd, type Invoker } from '../../src/cluster/broker-api.js'
import { RequestCode } from '../../src/remoting/codes.js'

function recorder(): { invoker: Invoker; calls: Array<{ address: string; code: number; ext: Record<string, string> | undefined; body: Buffer | undefined }> } {
  const calls: Array<{ address: string; code: number; ext: Record<string, string> | undefined; body: Buffer | undefined }> = []
  const invoker: Invoker = {
    invoke: () => Promise.reject(new Error('END_TRANSACTION must be oneway')),
    invokeOneway: async (address, code, ext, body) => {
      calls.push({ address, code, ext, body })
    },
  }
  return { invoker, calls }
}

describe('END_TRANSACTION', () => {
  it('is oneway with the EndTransactionRequestHeader fields (Java MQClientAPIImpl.endTransactionOneway)', async () => {
    const { invoker, calls } = recorder()
    await endTransaction(invoker, '127.0.0.1:10911', {
      topic: 'T',
      producerGroup: 'G',
      tranStateTableOffset: '42',
      commitLogOffset: '9007199254740993',
      commitOrRollback: TransactionEnd.COMMIT,
      fromTransactionCheck: true,
      msgId: 'AC11000100002A9F0000000000000001',
      transactionId: 'AC11000100002A9F0000000000000001',
      brokerName: 'broker-a',
    })
    expect(calls).toEqual([
      {
        address: '127.0.0.1:10911',
        code: RequestCode.END_TRANSACTION,
        body: undefined,
        ext: {
          topic: 'T',
          producerGroup: 'G',
          tranStateTableOffset: '42',
          // Offsets of a check-back are passed through as the broker's decimal strings, never through a Number.
          commitLogOffset: '9007199254740993',
          commitOrRollback: '8',
          fromTransactionCheck: 'true',
          msgId: 'AC11000100002A9F0000000000000001',
          transactionId: 'AC11000100002A9F0000000000000001',
          bname: 'broker-a',
        },
      },
    ])
  })

  it('rollback is 12; optional fields are left out', async () => {
    const { invoker, calls } = recorder()
    await endTransaction(invoker, 'b:1', { producerGroup: 'G', tranStateTableOffset: '0', commitLogOffset: '0', commitOrRollback: TransactionEnd.ROLLBACK, fromTransactionCheck: false, msgId: 'M' })
    expect(calls[0]!.ext).toEqual({ producerGroup: 'G', tranStateTableOffset: '0', commitLogOffset: '0', commitOrRollback: '12', fromTransactionCheck: 'false', msgId: 'M' })
  })
})
