/**
 * Why a keychain call failed when the keychain itself gave no answer:
 * - `not-answering`: no reply within the timeout (its worker was killed);
 * - `crashed`: the worker died while the call was in it (keytar's
 *   findCredentials on a collection locked mid-read: SIGSEGV).
 * A refusal by the keychain (locked, no provider) is a plain Error with the OS's words.
 */
export class KeychainFault extends Error {
  constructor(
    readonly kind: 'not-answering' | 'crashed',
    message: string,
  ) {
    super(message)
    this.name = 'KeychainFault'
  }
}
