// @ts-check
/**
 * Preloaded (node --require) into a built web-mode entry by
 * test/start-up-libraries.test.ts: records every package the process loads
 * (bare specifiers: not node:, not relative), and when the process prints its
 * SELLERGUARD_URL line (start-up is over), writes the list to stderr as one
 * line, SELLERGUARD_LOADED=<json>. Also notes which of those packages were
 * already loaded when the process forked its first child (the keychain
 * worker): SELLERGUARD_LOADED_BEFORE_FORK=<json>, null when it forked none.
 * Changes nothing else.
 */
'use strict'
const Module = require('node:module')
const childProcess = require('node:child_process')

const loaded = new Set()
/** @type {string[] | null} */
let beforeFork = null
const fork = childProcess.fork
// @ts-expect-error the same function with the same arguments, passed on
childProcess.fork = function (...args) {
  beforeFork ??= [...loaded].sort()
  return fork.apply(this, args)
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
  if (String(chunk).includes('SELLERGUARD_URL=')) process.stderr.write(`SELLERGUARD_LOADED_BEFORE_FORK=${JSON.stringify(beforeFork)}\nSELLERGUARD_LOADED=${JSON.stringify([...loaded].sort())}\n`)
  return write(chunk, ...rest)
}
