/**
 * A throw-away PKI for TLS tests, made with the `openssl` command: a CA, a server certificate for 127.0.0.1 and
 * localhost, and a client certificate (mutual TLS), all signed by the CA. Keys are PKCS#8 PEM (what Netty reads).
 *
 * Why the openssl CLI: node:crypto cannot issue X.509 certificates, and the command is on every Linux and macOS
 * CI image, so the kit needs no extra npm dependency; the files are plain PEM that the JVMs and node read alike.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { TestkitError } from './errors.js'

/** The files of a throw-away PKI made by `createTestPki()`. */
export interface TestPki {
  /** The folder holding them. */
  dir: string
  /** CA certificate (PEM file): give it to clients as `tls.ca`. */
  caFile: string
  /** The CA's private key (PEM file). */
  caKeyFile: string
  /** Server certificate (SAN IP:127.0.0.1, DNS:localhost) and its PKCS#8 key. */
  serverCertFile: string
  /** The server certificate's key (PKCS#8 PEM file). */
  serverKeyFile: string
  /** Client certificate (CN=<clientName>) and its PKCS#8 key, for mutual TLS. */
  clientCertFile: string
  /** The client certificate's key (PKCS#8 PEM file). */
  clientKeyFile: string
}

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer }
    const why = err.code === 'ENOENT' ? 'the openssl command is not installed (apt-get install openssl / brew install openssl)' : (err.stderr?.toString() ?? err.message)
    throw new TestkitError('ERR_TESTKIT_PKI', `openssl ${args[0]} failed: ${why}`, { cause: e })
  }
}

/** A fresh CA with a server and a client certificate in `dir` (created). Valid `days` (default 2). ~0.3 s. */
export function createTestPki(dir: string, options: { clientName?: string; caName?: string; days?: number } = {}): TestPki {
  const days = String(options.days ?? 2)
  mkdirSync(dir, { recursive: true })
  const p: TestPki = {
    dir,
    caFile: join(dir, 'ca.pem'),
    caKeyFile: join(dir, 'ca.key'),
    serverCertFile: join(dir, 'server.pem'),
    serverKeyFile: join(dir, 'server.key'),
    clientCertFile: join(dir, 'client.pem'),
    clientKeyFile: join(dir, 'client.key'),
  }
  const caName = options.caName ?? 'rocketmq-ts testkit CA'
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', p.caKeyFile, '-out', p.caFile, '-days', days, '-subj', `/CN=${caName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir)
  const issue = (name: string, cn: string, ext: string[]): void => {
    const key = join(dir, `${name}.key`)
    const csr = join(dir, `${name}.csr`)
    const extFile = join(dir, `${name}.ext`)
    writeFileSync(extFile, `${ext.join('\n')}\n`)
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${cn}`], dir)
    openssl(['x509', '-req', '-in', csr, '-CA', p.caFile, '-CAkey', p.caKeyFile, '-CAcreateserial', '-out', join(dir, `${name}.pem`), '-days', days, '-extfile', extFile], dir)
  }
  issue('server', 'localhost', ['basicConstraints=CA:FALSE', 'keyUsage=digitalSignature,keyEncipherment', 'extendedKeyUsage=serverAuth,clientAuth', 'subjectAltName=IP:127.0.0.1,DNS:localhost'])
  issue('client', options.clientName ?? 'rocketmq-ts-client', ['basicConstraints=CA:FALSE', 'keyUsage=digitalSignature,keyEncipherment', 'extendedKeyUsage=clientAuth'])
  return p
}
