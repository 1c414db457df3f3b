'use strict'
/**
 * The start-up bench's page floor server: plain Node serving a built page
 * (the folder given as its argument) on loopback, printing the address line
 * web mode prints. No app code loads. Bench only, never shipped.
 *
 *   node bench/floor-page/server.cjs <built folder>
 */
const http = require('node:http')
const fs = require('node:fs')
const path = require('node:path')

const dir = path.resolve(process.argv[2] ?? '')
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' }
const server = http.createServer((req, res) => {
  const asked = (req.url ?? '/').split(/[?#]/)[0]
  const file = path.join(dir, path.normalize(asked === '/' ? '/index.html' : asked))
  if (!file.startsWith(dir + path.sep)) return void res.writeHead(404).end()
  fs.readFile(file, (error, body) => {
    if (error) return void res.writeHead(404).end()
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' })
    res.end(body)
  })
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`SELLERGUARD_URL=http://127.0.0.1:${server.address().port}/\n`))
process.on('SIGTERM', () => process.exit(0))
process.on('SIGINT', () => process.exit(0))
