// @ts-check
/**
 * Preloaded (node --require) into a built web-mode entry by
 * test/start-up-libraries.test.ts: records every package the process loads
 * (bare specifiers: not node:, not relative), and writes lists of them to
 * stderr, one line each:
 *  - SELLERGUARD_LOADED_BEFORE_FORK=<json>: already loaded when the process
 *    forked its first child (the keychain worker); null when it forked none;
 *  - SELLERGUARD_LOADED_AT_URL=<json>: when it printed its SELLERGUARD_URL
 *    line (it is listening);
 *  - SELLERGUARD_LOADED=<json>: when it sent the keychain worker its first
 *    request (the services are built and start reading the keychain:
 *    start-up is over).
 * Changes nothing else.
 */
'use strict'
const Module = require('node:module')
const childProcess = require('node:child_process')

const loaded = new Set()
const list = () => JSON.stringify([...loaded].sort())
/** @type {string | null} */
let beforeFork = null
let told = false
const fork = childProcess.fork
// @ts-expect-error the same function with the same arguments, passed on
childProcess.fork = function (...args) {
  beforeFork ??= list()
  const child = fork.apply(this, args)
  const send = child.send
  // @ts-expect-error the same function with the same arguments, passed on
  child.send = function (...sent) {
    if (!told) process.stderr.write(`SELLERGUARD_LOADED=${list()}\n`)
    told = true
    return send.apply(this, sent)
  }
  return child
}
// @ts-expect-error Module._load is Node's internal loader, which every require() goes through.
const load = Module._load
// @ts-expect-error see above
Module._load = function (request, ...rest) {
  if (typeof request === 'string' && !request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:') && !Module.isBuiltin(request)) loaded.add(request)
  return load.call(this, request, ...rest)
}
const write = process.stdout.write.bind(process.stdout)
// @ts-expect-error the same function with the same arguments, passed on
process.stdout.write = (chunk, ...rest) => {
  if (String(chunk).includes('SELLERGUARD_URL=')) process.stderr.write(`SELLERGUARD_LOADED_BEFORE_FORK=${beforeFork ?? 'null'}\nSELLERGUARD_LOADED_AT_URL=${list()}\n`)
  return write(chunk, ...rest)
}
