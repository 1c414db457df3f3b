import { utilityProcess } from 'electron'
import { keychainWorkerEnv, type StartKeychainProcess } from '../vault/keychain-process'

/**
 * The keychain worker as an Electron utility process: a Node child that
 * Electron starts itself, so it works with the RunAsNode fuse off (a
 * child_process.fork of the Electron binary would not). Ends with the app.
 */
export function utilityKeychainProcess(entry: string): StartKeychainProcess {
  return () => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'SellerGuard keychain', stdio: 'inherit', env: keychainWorkerEnv() })
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void child.once('exit', (code) => listener(`exited with code ${code}`)),
      // utilityProcess has no signal choice; a stuck keychain call does not stop the process from ending.
      kill: () => void child.kill(),
    }
  }
}
