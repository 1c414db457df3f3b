// Preloaded into every Node process of web mode by bench/startup-bench.ts
// (NODE_OPTIONS=--require …): on SIGUSR2, a full garbage collection, then one
// line on stderr to say which process did it. Nothing else: the processes
// under test are the app as it runs. V8's gc() is exposed here, not by
// --expose-gc, which NODE_OPTIONS does not accept on Node 20.
'use strict'
const v8 = require('node:v8')
const vm = require('node:vm')

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc')
process.on('SIGUSR2', () => {
  gc()
  gc()
  process.stderr.write(`SELLERGUARD_BENCH_GC_DONE ${process.pid}\n`)
})
