import type { AreaHandlers } from '../core/dispatch'
import type { CopyCode } from './copy-code'

/** `clipboard.*`: main computes the code and copies it. */
export function clipboardHandlers(copyCode: CopyCode): AreaHandlers<'clipboard'> {
  return {
    'clipboard.copyCode': ({ id, which }) => copyCode(id, which),
  }
}
