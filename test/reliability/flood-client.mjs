// Opens many idle TCP connections to a port and holds them, as a hostile
// local process would: node flood-client.mjs PORT COUNT HOLD_MS
// Prints one JSON line: how many connected, how many the server closed, errors by code.
// Run with a raised file limit (ulimit -n); source addresses cycle over 127.0.0.2-9 so
// 25,000 connections do not run out of ephemeral ports.
import net from 'node:net'

const [port, count, holdMs] = process.argv.slice(2).map(Number)
const stats = { connected: 0, closed: 0, errors: {} }
const sockets = []
let opened = 0

function openBatch() {
  const end = Math.min(count, opened + 250)
  for (; opened < end; opened++) {
    const socket = net.connect({ host: '127.0.0.1', port, localAddress: `127.0.0.${2 + (opened % 8)}` })
    socket.on('connect', () => stats.connected++)
    socket.on('error', (e) => (stats.errors[e.code ?? 'other'] = (stats.errors[e.code ?? 'other'] ?? 0) + 1))
    socket.on('close', () => stats.closed++)
    sockets.push(socket)
  }
  if (opened < count) setTimeout(openBatch, 5)
  else setTimeout(finish, holdMs)
}

function finish() {
  process.stdout.write(`${JSON.stringify(stats)}\n`)
  for (const socket of sockets) socket.destroy()
  process.exit(0)
}

openBatch()
