#!/usr/bin/env node
/**
 * `npm run compose:pki`: the throw-away PKI of docker-compose.yml's `secured` profile (a CA, a server certificate for
 * 127.0.0.1/localhost and a client certificate), made with openssl as the kit makes its own, into
 * docker/secured-pki/ (git-ignored). Valid 30 days; run it again to renew. The files are made readable for the
 * containers' user (uid 3000): they are test keys, never use them for anything else.
 *   node packages/testkit/dist/compose-pki.js [repo root]
 */
import { chmodSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createTestPki } from './pki.js'
import { projectRoot } from './paths.js'
import { COMPOSE_PKI_DIR } from './write-compose-config.js'

function main(): void {
  const dir = join(resolve(process.argv[2] ?? projectRoot()), COMPOSE_PKI_DIR)
  rmSync(dir, { recursive: true, force: true })
  const pki = createTestPki(dir, { caName: 'rocketmq-ts compose CA', days: 30 })
  for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o644)
  process.stdout.write(`wrote ${pki.caFile}, ${pki.serverCertFile}, ${pki.clientCertFile} (+ keys)\n`)
}

main()
