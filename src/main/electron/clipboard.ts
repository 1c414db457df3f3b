import { clipboard } from 'electron'
import type { ClipboardPort } from '../../shared/clipboard-guard'

export const electronClipboard: ClipboardPort = {
  readText: () => clipboard.readText(),
  writeText: (text) => clipboard.writeText(text),
}
