import { clipboard } from 'electron'
import type { ClipboardPort } from '../clipboard/clipboard-guard'

export const electronClipboard: ClipboardPort = {
  readText: () => clipboard.readText(),
  writeText: (text) => clipboard.writeText(text),
}
